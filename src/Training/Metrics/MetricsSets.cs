using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// The one way a real and a generated set become features, for <c>melanogans metrics</c> and metrics jobs alike.
/// Like for like: when the sets differ in size, the larger is first downscaled to the smaller's (a sharper real set
/// would otherwise tell itself apart by sharpness alone); the cache is keyed by that size too.
/// </summary>
/// <param name="CacheDirectory">The feature cache, or null for none.</param>
public sealed record MetricsSets(FeatureExtractor Extractor, string? CacheDirectory)
{
    /// <summary>The side both sets meet at, or null when a size is unknown (mixed sizes allowed).</summary>
    public static int? ComparedAt(int? realSize, int? fakeSize) =>
        realSize is { } real && fakeSize is { } fake ? Math.Min(real, fake) : null;

    /// <summary>Features of image files of side <paramref name="size"/> (cached when a cache is set).</summary>
    public ImageSetFeatures FromFiles(IReadOnlyList<string> files, int? size, int? comparedAt, IProgress<int>? progress)
    {
        var downscale = Downscale(size, comparedAt);
        var cache = CacheDirectory is null ? null : FeatureCache.For(CacheDirectory, Extractor, downscale);
        return new ImageFeatures(Extractor, cache, progress, downscale).FromFiles(files);
    }

    /// <summary>Features of generated images (never cached).</summary>
    public ImageSetFeatures FromImages(IReadOnlyList<RgbImage> images, int? comparedAt, IProgress<int>? progress) =>
        new ImageFeatures(Extractor, null, progress, Downscale(images[0].Width, comparedAt)).FromImages(images);

    private static int? Downscale(int? size, int? comparedAt) => size > comparedAt ? comparedAt : null;
}
