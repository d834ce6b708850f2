using MelanoGans.Server.Data;
using Microsoft.AspNetCore.DataProtection;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Keeps the cookie-encryption keys in the database (the <c>DataProtectionKeys</c> table), so sign-ins survive a
/// restart and a cookie issued by one instance is accepted by every other instance on the same database. One place
/// for both providers; keys an older version left in the data directory's <c>keys/</c> folder are taken over once
/// (<see cref="FileKeyImport"/>), so an upgrade signs nobody out.
/// </summary>
internal static class DataProtectionExtensions
{
    public static void AddStudioDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("MelanoGans.Studio")
            .PersistKeysToDbContext<StudioDbContext>();
    }
}
