using MelanoGans.Shared.Metrics;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// The generator metrics of one real set against one generated set: the report, and the memorisation check in
/// feature space (cosine) and pixel space (L2 at 64x64) with every generated image's nearest training image.
/// </summary>
public sealed record MetricsOutcome(GeneratorMetricsReport Report, MemorisationResult Features, MemorisationResult Pixels)
{
    /// <summary>Computes every metric; the real set doubles as the training set of the memorisation check.</summary>
    /// <exception cref="ArgumentException">A set too small for the metrics (the message is for a person).</exception>
    public static MetricsOutcome Compute(string extractor, ImageSetFeatures real, ImageSetFeatures fake, int seed = 0)
    {
        var realFeatures = real.FeatureMatrix();
        var fakeFeatures = fake.FeatureMatrix();
        var report = GeneratorMetrics.Compute(extractor, realFeatures, fakeFeatures, train: null, seed);
        var features = Memorisation.Compute(realFeatures, fakeFeatures);
        var pixels = Memorisation.ComputeL2(real.PixelMatrix(), fake.PixelMatrix());
        return new MetricsOutcome(report with { MemorisationShare = features.Share }, features, pixels);
    }
}
