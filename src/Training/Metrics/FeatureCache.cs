using System.Runtime.InteropServices;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// Feature rows on disk, one small file per image content address (SHA-256 of the file's bytes) under a folder per
/// extractor identity, so a dataset's real features are computed once.
/// </summary>
/// <remarks>Writes go to a temporary file renamed into place: a killed run or two runs at once never leave a torn row.</remarks>
public sealed class FeatureCache(string directory, string extractorIdentity)
{
    private readonly string root = Path.Combine(directory, extractorIdentity);

    /// <summary>The default location: <c>$XDG_CACHE_HOME/melanogans/features</c> (or <c>~/.cache/...</c>).</summary>
    public static string DefaultDirectory =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                ? cache
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "melanogans",
            "features");

    /// <summary>The cache of <paramref name="extractor"/>'s features, for images first downscaled to <paramref name="downscaledTo"/> when set.</summary>
    public static FeatureCache For(string directory, FeatureExtractor extractor, int? downscaledTo) =>
        new(directory, downscaledTo is { } side ? $"{extractor.Identity}-at{side}" : extractor.Identity);

    /// <summary>The cached row for <paramref name="sha256"/>, or null (also for a row of another length).</summary>
    public float[]? TryGet(string sha256, int dimensions)
    {
        var path = PathOf(sha256);
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == dimensions * sizeof(float) ? MemoryMarshal.Cast<byte, float>(bytes).ToArray() : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="row"/> for <paramref name="sha256"/>.</summary>
    public void Put(string sha256, ReadOnlySpan<float> row)
    {
        var path = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, MemoryMarshal.AsBytes(row).ToArray());
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256 + ".f32");
}
