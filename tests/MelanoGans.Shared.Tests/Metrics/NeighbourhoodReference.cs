using System.Text.Json;
using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

/// <summary>
/// The feature sets the precision/recall and density/coverage tests share, with numpy's answers for several k from
/// one Python run each (computed once per test run).
/// </summary>
internal static class NeighbourhoodReference
{
    private static readonly int[] Ks = [1, 2, 3, 5, 7];

    private static readonly Lazy<Case> PartialOverlap = new(() => Make(
        FeatureSets.Gaussian(300, 24, seed: 21),
        FeatureSets.Gaussian(250, 24, seed: 22, mean: 0.25, scale: 1.0, mixing: 0.3)));

    private static readonly Lazy<Case> FewerRowsThanColumns = new(() => Make(
        FeatureSets.Gaussian(60, 128, seed: 23),
        FeatureSets.Gaussian(50, 128, seed: 24, mean: 0.1, scale: 0.9)));

    private static readonly Lazy<Case> Identical = new(() =>
    {
        var real = FeatureSets.Gaussian(200, 16, seed: 25);
        return Make(real, real);
    });

    /// <summary>A shifted generated set: every metric strictly between its extremes.</summary>
    public static Case Overlap => PartialOverlap.Value;

    /// <summary>60 real and 50 generated rows in 128 columns.</summary>
    public static Case Wide => FewerRowsThanColumns.Value;

    /// <summary>One set as both real and generated.</summary>
    public static Case Same => Identical.Value;

    private static Case Make(FeatureMatrix real, FeatureMatrix fake) => new(
        real,
        fake,
        MetricsReference.Run(
            "prdc",
            new Dictionary<string, FeatureMatrix> { ["real"] = real, ["fake"] = fake },
            new Dictionary<string, object> { ["ks"] = Ks }));

    /// <summary>Two sets and numpy's metrics for k in 1, 2, 3, 5, 7.</summary>
    internal sealed record Case(FeatureMatrix Real, FeatureMatrix Fake, JsonElement Reference)
    {
        /// <summary>numpy's value of <paramref name="metric"/> (precision, recall, density, coverage) for k.</summary>
        public double Expected(int k, string metric) => Reference.GetProperty(k.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty(metric).GetDouble();
    }
}
