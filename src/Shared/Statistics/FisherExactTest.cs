using MathNet.Numerics.Distributions;

namespace MelanoGans.Shared.Statistics;

/// <summary>Fisher's exact test for a 2 x 2 table, two-sided.</summary>
public static class FisherExactTest
{
    /// <summary>
    /// The two-sided p-value of [[a, b], [c, d]]: the probability, with all margins fixed, of a table at most
    /// as likely as the observed one. A relative tolerance of 1e-7 counts tables that tie with the observed
    /// one up to rounding, as <c>scipy.stats.fisher_exact</c> does.
    /// </summary>
    /// <returns>The p-value, or null for an empty table.</returns>
    public static double? TwoSided(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Counts must not be negative.");
        }

        var n = a + b + c + d;
        if (n == 0)
        {
            return null;
        }

        int rowOne = a + b, columnOne = a + c;
        if (rowOne == 0 || columnOne == 0 || rowOne == n || columnOne == n)
        {
            return 1.0; // only one table has these margins
        }

        var low = Math.Max(0, rowOne + columnOne - n);
        var high = Math.Min(rowOne, columnOne);
        var observed = Hypergeometric.PMF(n, columnOne, rowOne, a);
        double p = 0;
        for (var x = low; x <= high; x++)
        {
            var probability = Hypergeometric.PMF(n, columnOne, rowOne, x);
            if (probability <= observed * (1 + 1e-7))
            {
                p += probability;
            }
        }

        return Math.Min(1.0, p);
    }
}
