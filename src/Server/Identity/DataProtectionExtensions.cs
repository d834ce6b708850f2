using MelanoGans.Server.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>Keeps the cookie-encryption keys in the data directory, so sign-ins survive a restart.</summary>
internal static class DataProtectionExtensions
{
    public static void AddStudioDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("MelanoGans.Studio");
        // Resolved when first used, so the data directory is the one the host finally configured.
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StudioOptions>, ILoggerFactory>((keys, studio, logs) =>
                keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(studio.Value.DataDirectoryFullPath, "keys")), logs));
    }
}
