using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// What a worker uploads when a metrics job finishes: the report of <c>melanogans metrics</c>, the pixel-space
/// memorisation share, and the generated images closest to a training image (PNG bytes, for the memorisation gallery;
/// the training image by content address).
/// </summary>
public sealed record MetricsUpload(GeneratorMetricsReport Report, double PixelMemorisationShare, IReadOnlyList<MemorisationPairUpload> Closest)
{
    /// <summary>Closest pairs a worker sends for the memorisation gallery.</summary>
    public const int GalleryPairs = 8;
}

/// <summary>One generated image and its nearest training image in feature space.</summary>
/// <param name="GeneratedPng">The generated image as PNG.</param>
/// <param name="TrainSha256">The training image's content address (its file name in the job's dataset).</param>
/// <param name="CosineDistance">1 - cosine similarity of their features.</param>
/// <param name="SecondRatio">Nearest over second-nearest training distance: near 1 is no copy, near 0 a near-duplicate.</param>
public sealed record MemorisationPairUpload(byte[] GeneratedPng, string TrainSha256, double CosineDistance, double SecondRatio);
