namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Krippendorff's alpha from the coincidence matrix, with missing values (Krippendorff 2011, "Computing
/// Krippendorff's Alpha-Reliability"): alpha = 1 - (n - 1) sum o_ck delta^2_ck / sum n_c n_k delta^2_ck.
/// </summary>
/// <remarks>
/// Data come as per-unit value counts: unitCounts[u][c] = how many coders gave unit u the c-th value.
/// Units with fewer than two values are not pairable and drop out, which is how missing ratings are handled.
/// Alpha is undefined (null) when fewer than two pairable values exist or all pairable values are equal
/// (no expected disagreement): perfect agreement on a single category says nothing about reliability.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Alpha for per-unit value counts.</summary>
    /// <param name="unitCounts">unitCounts[u][c] = coders who gave unit u value c; all rows the same length.</param>
    /// <param name="level">The difference function.</param>
    /// <param name="values">The numeric value of each category for <see cref="KrippendorffLevel.Interval"/>; 1, 2, ... when null.</param>
    public static double? Compute(IReadOnlyList<int[]> unitCounts, KrippendorffLevel level, IReadOnlyList<double>? values = null)
    {
        ArgumentNullException.ThrowIfNull(unitCounts);
        if (unitCounts.Count == 0)
        {
            return null;
        }

        var k = unitCounts[0].Length;
        var coincidences = new double[k * k];
        foreach (var counts in unitCounts)
        {
            AddUnit(coincidences, counts, 1.0);
        }

        return FromCoincidences(coincidences, k, level, values);
    }

    /// <summary>Adds weight times one unit's coincidences o_ck = n_c (n_k - [c = k]) / (m - 1) to a k x k matrix.</summary>
    public static void AddUnit(Span<double> coincidences, ReadOnlySpan<int> counts, double weight)
    {
        var k = counts.Length;
        var m = 0;
        foreach (var c in counts)
        {
            m += c;
        }

        if (m < 2)
        {
            return;
        }

        var scale = weight / (m - 1);
        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            for (var d = 0; d < k; d++)
            {
                var pairs = counts[c] * (counts[d] - (c == d ? 1 : 0));
                coincidences[c * k + d] += pairs * scale;
            }
        }
    }

    /// <summary>Alpha from a full k x k coincidence matrix (row-major).</summary>
    public static double? FromCoincidences(ReadOnlySpan<double> coincidences, int k, KrippendorffLevel level, IReadOnlyList<double>? values = null)
    {
        Span<double> marginals = k <= 64 ? stackalloc double[k] : new double[k];
        double n = 0;
        for (var c = 0; c < k; c++)
        {
            double sum = 0;
            for (var d = 0; d < k; d++)
            {
                sum += coincidences[c * k + d];
            }

            marginals[c] = sum;
            n += sum;
        }

        if (n <= 1)
        {
            return null;
        }

        double observed = 0, expected = 0;
        for (var c = 0; c < k; c++)
        {
            for (var d = 0; d < k; d++)
            {
                if (c == d)
                {
                    continue;
                }

                var delta = DeltaSquared(level, c, d, marginals, values);
                observed += coincidences[c * k + d] * delta;
                expected += marginals[c] * marginals[d] * delta;
            }
        }

        // A relative threshold: the sums are of order n^2, and rounding of resampled weights leaves dust.
        if (expected <= 1e-12 * n * n)
        {
            return null;
        }

        return 1 - (n - 1) * observed / expected;
    }

    private static double DeltaSquared(KrippendorffLevel level, int c, int d, ReadOnlySpan<double> marginals, IReadOnlyList<double>? values)
    {
        switch (level)
        {
            case KrippendorffLevel.Nominal:
                return 1;
            case KrippendorffLevel.Interval:
                var difference = values is null ? c - d : values[c] - values[d];
                return difference * difference;
            case KrippendorffLevel.Ordinal:
                var (low, high) = c < d ? (c, d) : (d, c);
                double between = 0;
                for (var g = low; g <= high; g++)
                {
                    between += marginals[g];
                }

                var rank = between - (marginals[low] + marginals[high]) / 2;
                return rank * rank;
            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, null);
        }
    }
}
