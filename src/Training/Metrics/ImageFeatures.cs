using System.Runtime.ExceptionServices;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// Features and 64x64 thumbnails of a set of images: files are hashed, decoded under the codec's limits, and only
/// those missing from the cache go through the network, a batch at a time.
/// </summary>
/// <param name="downscaleTo">
/// Images larger than this are first resized (bicubic) to it: real images meet the extractor at the generator's
/// resolution, through the same upscale as the generated ones, so the metrics compare content, not sharpness.
/// The cache must be keyed by it too (<see cref="FeatureCache.For"/>).
/// </param>
public sealed class ImageFeatures(FeatureExtractor extractor, FeatureCache? cache, IProgress<int>? progress = null, int? downscaleTo = null)
{
    /// <summary>The side of the thumbnails that the pixel-space memorisation check compares.</summary>
    public const int ThumbnailSize = 64;

    private const int Chunk = FeatureExtractor.BatchSize * 4;

    /// <summary>Rows computed by the network rather than read from the cache (what a second run should keep at 0).</summary>
    public int Computed { get; private set; }

    /// <summary>Features and thumbnails of <paramref name="files"/>, in the given order; progress counts images done.</summary>
    /// <exception cref="ImageDecodeException">A file is corrupt or over the limits (the message names it).</exception>
    public ImageSetFeatures FromFiles(IReadOnlyList<string> files)
    {
        var features = new float[files.Count][];
        var thumbnails = new byte[files.Count][];
        for (var start = 0; start < files.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, files.Count - start);
            var images = new RgbImage[count];
            var hashes = new string[count];
            try
            {
                Parallel.For(0, count, i => Load(files[start + i], i, start));
            }
            catch (AggregateException ex) when (ex.InnerException is ImageDecodeException decode)
            {
                ExceptionDispatchInfo.Capture(decode).Throw();
            }

            void Load(string path, int i, int start)
            {
                try
                {
                    var bytes = ImageCodec.ReadFile(path);
                    hashes[i] = ContentAddress.Sha256Hex(bytes);
                    images[i] = Prepared(ImageCodec.Decode(bytes));
                }
                catch (ImageDecodeException ex)
                {
                    throw new ImageDecodeException($"{path}: {ex.Message}", ex);
                }

                thumbnails[start + i] = ImageCodec.CentreCropResize(images[i], ThumbnailSize).Pixels;
                features[start + i] = cache?.TryGet(hashes[i], extractor.Dimensions)!;
            }

            var missing = Enumerable.Range(0, count).Where(i => features[start + i] is null).ToList();
            var rows = extractor.Extract(missing.Select(i => images[i]).ToList());
            for (var m = 0; m < missing.Count; m++)
            {
                features[start + missing[m]] = rows[m];
                cache?.Put(hashes[missing[m]], rows[m]);
            }

            Computed += missing.Count;
            progress?.Report(start + count);
        }

        return new ImageSetFeatures(features, thumbnails);
    }

    /// <summary>Features and thumbnails of images in memory (generated ones: nothing to cache).</summary>
    public ImageSetFeatures FromImages(IReadOnlyList<RgbImage> images)
    {
        if (downscaleTo is not null)
        {
            images = images.AsParallel().AsOrdered().Select(Prepared).ToList();
        }

        var features = new float[images.Count][];
        for (var start = 0; start < images.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, images.Count - start);
            extractor.Extract(images.Skip(start).Take(count).ToList()).CopyTo(features, start);
            Computed += count;
            progress?.Report(start + count);
        }

        var thumbnails = images.AsParallel().AsOrdered().Select(i => ImageCodec.CentreCropResize(i, ThumbnailSize).Pixels).ToArray();
        return new ImageSetFeatures(features, thumbnails);
    }

    private RgbImage Prepared(RgbImage image) =>
        downscaleTo is { } side && (image.Width > side || image.Height > side) ? ImageCodec.CentreCropResize(image, side) : image;
}
