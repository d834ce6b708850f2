namespace MelanoGans.Shared.Contracts;

/// <summary>
/// The latest generator metrics of a registered model (docs/design.md, "Generator metrics"), as the Models page and the
/// study dashboard show them. <see cref="Extractor"/> is always shown: an FD on ResNet-18 features is not a published FID.
/// </summary>
public sealed record ModelMetricsView(
    int ModelId,
    string ModelName,
    string Dataset,
    string Extractor,
    int RealCount,
    int FakeCount,
    double Fd,
    double Kid,
    double KidSd,
    double Precision,
    double Recall,
    double Density,
    double Coverage,
    double MemorisationShare,
    double PixelMemorisationShare,
    long? JobId,
    DateTimeOffset ComputedAt,
    IReadOnlyList<MemorisationPairView> Closest)
{
    /// <summary>A set is under <see cref="Metrics.GeneratorMetricsReport.StableFdCount"/> images: FD is biased there (KID is the small-sample figure).</summary>
    public bool SmallSample => RealCount < Metrics.GeneratorMetricsReport.StableFdCount || FakeCount < Metrics.GeneratorMetricsReport.StableFdCount;
}

/// <summary>A generated image (image store address) beside its nearest training image, for the memorisation gallery.</summary>
public sealed record MemorisationPairView(string GeneratedSha256, string TrainSha256, double CosineDistance, double SecondRatio);
