using MelanoGans.Server.Configuration;
using MelanoGans.Server.Storage;
using MelanoGans.Shared.Imaging;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Images;

/// <summary>
/// Content-addressed PNG files in <c>&lt;data&gt;/images/&lt;sha256&gt;.png</c>. Writing the same bytes twice
/// stores one file; files are written with <see cref="AtomicFile"/>, so neither a crash nor another instance writing
/// the same address at the same moment (a shared data directory) ever leaves half a file.
/// </summary>
public sealed class ImageStore
{
    private readonly string _root;

    public ImageStore(IOptions<StudioOptions> options)
    {
        _root = Path.Combine(options.Value.DataDirectoryFullPath, "images");
        Directory.CreateDirectory(_root);
    }

    /// <summary>Stores PNG bytes and returns their SHA-256.</summary>
    public async Task<string> PutAsync(byte[] png, CancellationToken ct = default)
    {
        var sha = ContentAddress.Sha256Hex(png);
        var path = PathOf(sha);
        if (File.Exists(path)) return sha;
        await AtomicFile.WriteAllBytesAsync(path, png, ct);
        return sha;
    }

    /// <summary>The file of a content address; throws for anything that is not a SHA-256 (no path tricks).</summary>
    public string PathOf(string sha256)
    {
        if (!ContentAddress.IsSha256Hex(sha256))
            throw new ArgumentException("Not a SHA-256 content address.", nameof(sha256));
        return Path.Combine(_root, sha256 + ".png");
    }

    public bool Contains(string sha256) => ContentAddress.IsSha256Hex(sha256) && File.Exists(PathOf(sha256));

    public Task<byte[]> ReadAsync(string sha256, CancellationToken ct = default) =>
        File.ReadAllBytesAsync(PathOf(sha256), ct);
}
