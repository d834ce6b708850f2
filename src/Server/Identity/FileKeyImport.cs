using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Versions before the database key store kept data-protection keys as <c>keys/key-*.xml</c> in the data directory.
/// On the first start with an empty key table those files are copied in unchanged (the name a file repository gives a
/// key is its friendly name), so cookies issued before the upgrade stay valid. The files are left where they are.
/// </summary>
internal static class FileKeyImport
{
    public static async Task ImportAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var folder = Path.Combine(services.GetRequiredService<IOptions<StudioOptions>>().Value.DataDirectoryFullPath, "keys");
        if (!Directory.Exists(folder)) return;
        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) return;
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync(ct);
        if (await db.DataProtectionKeys.AnyAsync(ct)) return;
        foreach (var file in files)
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, ct),
            });
        await db.SaveChangesAsync(ct);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FileKeyImport))
            .LogWarning("Copied {Count} data-protection keys from {Folder} into the database", files.Count, folder);
    }
}
