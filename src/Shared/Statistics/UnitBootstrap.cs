namespace MelanoGans.Shared.Statistics;

/// <summary>
/// A seeded percentile bootstrap over units (items) for statistics of the Krippendorff coincidence matrix.
/// </summary>
/// <remarks>
/// Each unit's coincidences are computed once; a resample is then only a sum of the drawn units' matrices
/// (its upper triangle, since the matrix is symmetric), so 1000 resamples of 2000 items cost a few tens of
/// millions of additions. Resamples run in parallel, each from its own seed drawn up front from
/// <c>new Random(seed)</c>, so the result does not depend on thread scheduling.
/// </remarks>
public static class UnitBootstrap
{
    /// <summary>Percentile intervals for several statistics of the same resamples.</summary>
    /// <param name="unitCounts">Per-unit value counts (see <see cref="KrippendorffAlpha"/>); units with fewer than two values are ignored.</param>
    /// <param name="statistics">Each maps a full k x k coincidence matrix to a value, or null when undefined.</param>
    /// <param name="resamples">Number of resamples; 0 gives null intervals.</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <param name="confidence">Central coverage, 0.95 for the 2.5th and 97.5th percentiles.</param>
    public static IReadOnlyList<BootstrapInterval> Percentile(
        IReadOnlyList<int[]> unitCounts,
        IReadOnlyList<Func<double[], double?>> statistics,
        int resamples,
        int seed,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(unitCounts);
        ArgumentNullException.ThrowIfNull(statistics);
        var pairable = unitCounts.Where(u => u.Sum() >= 2).ToArray();
        if (resamples <= 0 || pairable.Length == 0)
        {
            return statistics.Select(_ => new BootstrapInterval(null, null, Math.Max(resamples, 0), Math.Max(resamples, 0))).ToArray();
        }

        var k = pairable[0].Length;
        var triangle = k * (k + 1) / 2;
        var units = pairable.Length;
        var contributions = new double[units * triangle];
        var full = new double[k * k];
        for (var u = 0; u < units; u++)
        {
            Array.Clear(full);
            KrippendorffAlpha.AddUnit(full, pairable[u], 1.0);
            var t = 0;
            for (var c = 0; c < k; c++)
            {
                for (var d = c; d < k; d++)
                {
                    contributions[u * triangle + t++] = full[c * k + d];
                }
            }
        }

        var master = new Random(seed);
        var seeds = new int[resamples];
        for (var b = 0; b < resamples; b++)
        {
            seeds[b] = master.Next();
        }

        var results = new double?[statistics.Count, resamples];
        Parallel.For(
            0,
            resamples,
            () => (Sum: new double[triangle], Matrix: new double[k * k]),
            (b, _, buffers) =>
            {
                var random = new Random(seeds[b]);
                var sum = buffers.Sum;
                Array.Clear(sum);
                for (var draw = 0; draw < units; draw++)
                {
                    var row = contributions.AsSpan(random.Next(units) * triangle, triangle);
                    for (var t = 0; t < triangle; t++)
                    {
                        sum[t] += row[t];
                    }
                }

                var matrix = buffers.Matrix;
                var index = 0;
                for (var c = 0; c < k; c++)
                {
                    for (var d = c; d < k; d++)
                    {
                        matrix[c * k + d] = sum[index];
                        matrix[d * k + c] = sum[index];
                        index++;
                    }
                }

                for (var s = 0; s < statistics.Count; s++)
                {
                    results[s, b] = statistics[s](matrix);
                }

                return buffers;
            },
            _ => { });

        var tail = (1 - confidence) / 2;
        var intervals = new BootstrapInterval[statistics.Count];
        for (var s = 0; s < statistics.Count; s++)
        {
            var defined = new List<double>(resamples);
            for (var b = 0; b < resamples; b++)
            {
                if (results[s, b] is { } value && double.IsFinite(value))
                {
                    defined.Add(value);
                }
            }

            defined.Sort();
            var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(defined);
            intervals[s] = new BootstrapInterval(
                Quantiles.OfSorted(sorted, tail),
                Quantiles.OfSorted(sorted, 1 - tail),
                resamples,
                resamples - defined.Count);
        }

        return intervals;
    }
}
