using MathNet.Numerics.Distributions;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927), the interval the dashboard shows for
/// every rate: unlike the Wald interval it stays inside [0, 1] and keeps its coverage near 0 and 1.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The two-sided Wilson interval at <paramref name="confidence"/> (0.95 gives the 95% interval).</summary>
    /// <returns>The estimate and interval, or nulls when <paramref name="trials"/> is 0.</returns>
    public static ProportionEstimate Compute(int successes, int trials, double confidence = 0.95)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            return new ProportionEstimate(successes, trials, null, null, null);
        }

        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + z2 / (2 * n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var denominator = 1 + z2 / n;
        // Clamp only the rounding error at the ends: at p = 0 the lower end is exactly 0 in exact arithmetic.
        var lower = Math.Max(0, (centre - half) / denominator);
        var upper = Math.Min(1, (centre + half) / denominator);
        return new ProportionEstimate(successes, trials, p, lower, upper);
    }
}
