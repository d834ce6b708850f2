using MathNet.Numerics.Distributions;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The two-sided exact binomial test of a proportion against chance (0.5): is a rater, a model or the
/// whole study telling real from fake better (or worse) than a coin?
/// </summary>
public static class ExactBinomialTest
{
    /// <summary>
    /// The two-sided p-value of <paramref name="successes"/> in <paramref name="trials"/> under p = 0.5:
    /// the probability of an outcome at most as likely as the one observed. Because Binomial(n, 0.5) is
    /// symmetric that is twice the smaller tail, capped at 1 (the same value as <c>scipy.stats.binomtest</c>).
    /// </summary>
    /// <returns>The p-value, or null when there are no trials.</returns>
    public static double? TwoSidedAgainstHalf(int successes, int trials)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            return null;
        }

        // By symmetry P(X >= k) = P(X <= n - k); using lower tails only avoids 1 - CDF cancellation.
        var smaller = Math.Min(successes, trials - successes);
        if (2 * smaller == trials)
        {
            return 1.0;
        }

        var tail = Binomial.CDF(0.5, trials, smaller);
        return Math.Min(1.0, 2 * tail);
    }
}
