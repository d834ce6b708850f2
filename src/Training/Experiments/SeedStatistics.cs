using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Training.Experiments;

/// <summary>Summaries over seeds and the paired comparison of an arm with the baseline.</summary>
internal static class SeedStatistics
{
    public static ExperimentMetricSummary Summarise(IReadOnlyList<double> values) => new(
        values.Average(),
        values.Count > 1 ? values.StandardDeviation() : 0,
        values.Min(),
        values.Max());

    /// <summary>Mean of (arm - baseline) per seed and a two-sided paired t-test with n - 1 degrees of freedom.</summary>
    public static ExperimentPairedComparison Paired(IReadOnlyList<double> arm, IReadOnlyList<double> baseline)
    {
        if (arm.Count != baseline.Count)
        {
            throw new ArgumentException("paired values need the same seeds");
        }

        var differences = arm.Zip(baseline, (a, b) => a - b).ToArray();
        var mean = differences.Average();
        var sd = differences.Length > 1 ? differences.StandardDeviation() : 0;

        // t is undefined with one seed or with identical differences (sd 0): say so instead of printing infinity.
        if (differences.Length < 2 || !(sd > 1e-12))
        {
            return new ExperimentPairedComparison(mean, sd, null, null);
        }

        var t = mean / (sd / Math.Sqrt(differences.Length));
        var p = 2 * StudentT.CDF(0, 1, differences.Length - 1, -Math.Abs(t));
        return new ExperimentPairedComparison(mean, sd, t, Math.Min(1, p));
    }
}
