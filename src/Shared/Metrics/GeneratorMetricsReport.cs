namespace MelanoGans.Shared.Metrics;

/// <summary>Every generator metric for one real set and one generated set, from one feature extractor.</summary>
/// <param name="Extractor">The feature extractor's name (e.g. <c>resnet18</c>); figures from different extractors are not comparable.</param>
/// <param name="RealCount">Rows in the real set.</param>
/// <param name="FakeCount">Rows in the generated set.</param>
/// <param name="Fd">Fréchet distance (<see cref="FrechetDistance"/>).</param>
/// <param name="Kid">KID mean (<see cref="KernelInceptionDistance"/>).</param>
/// <param name="KidSd">KID sample standard deviation over subsets; 0 when the full sets were used.</param>
/// <param name="Precision">Improved precision (<see cref="PrecisionRecall"/>).</param>
/// <param name="Recall">Improved recall.</param>
/// <param name="Density">Density (<see cref="DensityCoverage"/>).</param>
/// <param name="Coverage">Coverage.</param>
/// <param name="MemorisationShare">Share of generated rows flagged by <see cref="Memorisation.Compute"/>; null without training features.</param>
public sealed record GeneratorMetricsReport(
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
    double? MemorisationShare)
{
    /// <summary>Rows per set below which FD is noticeably biased upwards (the UI says so; KID is the small-sample figure).</summary>
    public const int StableFdCount = 2000;

    /// <summary>True when either set has fewer than <see cref="StableFdCount"/> rows.</summary>
    public bool SmallSample => RealCount < StableFdCount || FakeCount < StableFdCount;

    /// <summary>KID subset size used (the smaller set's size when the full sets were used).</summary>
    public int KidSubsetSize { get; init; }

    /// <summary>Number of KID subsets averaged (1 when the full sets were used).</summary>
    public int KidSubsets { get; init; }

    /// <summary>k of precision/recall: 3, or fewer when a set has 3 rows or fewer (k = rows - 1).</summary>
    public int PrecisionRecallK { get; init; }

    /// <summary>k of density/coverage: 5, or fewer when the real set has 5 rows or fewer (k = rows - 1).</summary>
    public int DensityCoverageK { get; init; }
}
