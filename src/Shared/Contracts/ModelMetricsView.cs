namespace MelanoGans.Shared.Contracts;

/// <summary>
/// The latest generator metrics of a registered model (DESIGN.md, "Generator metrics"), as the Models page and the
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
    /// <summary>Images per set under which FD is noticeably biased (KID is the small-sample figure).</summary>
    public const int StableFdCount = 2000;

    public bool SmallSample => RealCount < StableFdCount || FakeCount < StableFdCount;
}

/// <summary>A generated image (image store address) beside its nearest training image, for the memorisation gallery.</summary>
public sealed record MemorisationPairView(string GeneratedSha256, string TrainSha256, double CosineDistance, double SecondRatio);
