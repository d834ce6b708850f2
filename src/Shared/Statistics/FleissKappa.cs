using MathNet.Numerics.Distributions;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Fleiss' kappa for many raters (Fleiss 1971, "Measuring nominal scale agreement among many raters").
/// </summary>
/// <remarks>
/// The standard error is the one for testing kappa = 0 in its corrected form (Fleiss, Nee and Landis 1979,
/// the formula R's <c>irr::kappam.fleiss</c> and most software report):
/// SE = sqrt(2 / (N n (n - 1))) * sqrt((sum p q)^2 - sum p q (q - p)) / sum p q.
/// The variance printed in Fleiss (1971) was later shown to be wrong except for p = q = 1/2.
/// When every rating falls in one category the expected agreement is 1 and kappa is 0/0: it is reported as
/// undefined (null) rather than as 1 or 0, since no chance-corrected statement is possible.
/// </remarks>
public static class FleissKappa
{
    /// <summary>Fleiss' kappa from a subjects x categories table of counts; every row must have the same sum.</summary>
    /// <param name="counts">counts[i][j] = raters who put subject i in category j.</param>
    /// <returns>The result; numbers are null when the table is empty, ragged, has fewer than 2 raters, or kappa is undefined.</returns>
    public static FleissKappaResult Compute(IReadOnlyList<int[]> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var items = counts.Count;
        if (items == 0)
        {
            return new FleissKappaResult(0, 0, null, null, null, null, null, null);
        }

        var raters = counts[0].Sum();
        var categories = counts[0].Length;
        if (raters < 2 || counts.Any(row => row.Length != categories || row.Sum() != raters))
        {
            return new FleissKappaResult(items, raters, null, null, null, null, null, null);
        }

        var totals = new double[categories];
        double agreementSum = 0;
        foreach (var row in counts)
        {
            double squares = 0;
            for (var j = 0; j < categories; j++)
            {
                totals[j] += row[j];
                squares += (double)row[j] * row[j];
            }

            agreementSum += (squares - raters) / ((double)raters * (raters - 1));
        }

        var observed = agreementSum / items;
        double expected = 0, sumPq = 0, sumPqQp = 0;
        for (var j = 0; j < categories; j++)
        {
            var p = totals[j] / ((double)items * raters);
            var q = 1 - p;
            expected += p * p;
            sumPq += p * q;
            sumPqQp += p * q * (q - p);
        }

        if (1 - expected <= 1e-12)
        {
            return new FleissKappaResult(items, raters, observed, expected, null, null, null, null);
        }

        var kappa = (observed - expected) / (1 - expected);
        var variance = sumPq * sumPq - sumPqQp;
        double? se = variance > 0
            ? Math.Sqrt(2.0 / ((double)items * raters * (raters - 1))) * Math.Sqrt(variance) / sumPq
            : null;
        double? z = se is > 0 ? kappa / se : null;
        double? pValue = z is { } zz ? 2 * Normal.CDF(0, 1, -Math.Abs(zz)) : null;
        return new FleissKappaResult(items, raters, observed, expected, kappa, se, z, pValue);
    }
}
