namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Kernel Inception Distance (Bińkowski et al. 2018) on any features: the unbiased estimate of the squared maximum
/// mean discrepancy with the polynomial kernel k(x, y) = (x·y / d + 1)³, in float64:
/// MMD²ᵤ = Σᵢ≠ⱼ k(xᵢ, xⱼ) / (m(m-1)) + Σᵢ≠ⱼ k(yᵢ, yⱼ) / (n(n-1)) - 2 Σᵢⱼ k(xᵢ, yⱼ) / (mn).
/// </summary>
/// <remarks>
/// When both sets have more rows than the subset size, <c>subsets</c> subsets of <c>subsetSize</c> rows are drawn
/// without replacement from each set (System.Random seeded with <c>seed</c>; for each subset the generated rows first,
/// then the real rows, each by a partial Fisher-Yates shuffle), and the mean and sample standard deviation of their
/// estimates are reported. Otherwise one estimate over the full sets is reported, streamed without a kernel matrix.
/// For subsets, while the three kernel matrices have at most 12 million entries in all (96 MB: 2000 real and 2000
/// generated rows) they are computed once and every subset sums its entries from them; larger sets compute each
/// subset's kernels afresh (slower, bounded memory).
/// </remarks>
public static class KernelInceptionDistance
{
    // Kernel matrices up to this many entries in all (8 bytes each) are kept for the subsets: 2000 + 2000 rows.
    private const long CachedKernelEntries = 12_000_000;

    /// <summary>KID between <paramref name="real"/> and <paramref name="fake"/>.</summary>
    /// <exception cref="ArgumentException">A set under 2 rows, different column counts, a non-finite feature, subsetSize under 2 or subsets under 1.</exception>
    public static KidResult Compute(FeatureMatrix real, FeatureMatrix fake, int subsetSize = 1000, int subsets = 100, int seed = 0)
    {
        MetricInputs.Require(real, "real", 2);
        MetricInputs.Require(fake, "generated", 2);
        MetricInputs.RequireSameColumns(real, "real", fake, "generated");
        if (subsetSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(subsetSize), $"a KID subset needs at least 2 rows, not {subsetSize}");
        }

        if (subsets < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(subsets), $"KID needs at least 1 subset, not {subsets}");
        }

        if (real.Rows <= subsetSize || fake.Rows <= subsetSize)
        {
            var estimate = FullSets(real, fake);
            return new KidResult(estimate, 0, Math.Min(real.Rows, fake.Rows), 1);
        }

        return Compute(real, fake, DrawSubsets(real.Rows, fake.Rows, subsetSize, subsets, seed));
    }

    /// <summary>The subsets <see cref="Compute(FeatureMatrix, FeatureMatrix, int, int, int)"/> draws: row indices into each set.</summary>
    internal static IReadOnlyList<(int[] Real, int[] Fake)> DrawSubsets(int realRows, int fakeRows, int subsetSize, int subsets, int seed)
    {
        var random = new Random(seed);
        var realOrder = Enumerable.Range(0, realRows).ToArray();
        var fakeOrder = Enumerable.Range(0, fakeRows).ToArray();
        var drawn = new List<(int[] Real, int[] Fake)>(subsets);
        for (var s = 0; s < subsets; s++)
        {
            var fake = Draw(random, fakeOrder, subsetSize);
            var real = Draw(random, realOrder, subsetSize);
            drawn.Add((real, fake));
        }

        return drawn;
    }

    /// <summary>
    /// KID over the given subsets (each at least 2 rows per set): mean and sample sd of their estimates. Kernel
    /// matrices are kept when they have at most <paramref name="cachedKernelEntries"/> entries in all; otherwise each
    /// subset computes its own.
    /// </summary>
    internal static KidResult Compute(
        FeatureMatrix real, FeatureMatrix fake, IReadOnlyList<(int[] Real, int[] Fake)> subsets, long cachedKernelEntries = CachedKernelEntries)
    {
        var estimates = new double[subsets.Count];
        var entries = (long)real.Rows * real.Rows + (long)fake.Rows * fake.Rows + (long)real.Rows * fake.Rows;
        if (entries <= cachedKernelEntries)
        {
            var kRealReal = KernelMatrix(real, real);
            var kFakeFake = KernelMatrix(fake, fake);
            var kRealFake = KernelMatrix(real, fake);
            Parallel.For(0, subsets.Count, s =>
            {
                // Ascending indices read each kernel row front to back (mathematically the same sums).
                var r = subsets[s].Real.Order().ToArray();
                var f = subsets[s].Fake.Order().ToArray();
                estimates[s] = Estimate(
                    OffDiagonalSum(kRealReal, real.Rows, r),
                    OffDiagonalSum(kFakeFake, fake.Rows, f),
                    CrossSum(kRealFake, fake.Rows, r, f),
                    r.Length,
                    f.Length);
            });
        }
        else
        {
            for (var s = 0; s < subsets.Count; s++)
            {
                estimates[s] = FullSets(real.Select(subsets[s].Real), fake.Select(subsets[s].Fake));
            }
        }

        var mean = estimates.Average();
        var sd = estimates.Length > 1
            ? Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1))
            : 0;
        return new KidResult(mean, sd, subsets[0].Real.Length, subsets.Count);
    }

    /// <summary>The unbiased MMD² over every row of both sets, without holding a kernel matrix.</summary>
    internal static double FullSets(FeatureMatrix real, FeatureMatrix fake) =>
        Estimate(KernelSum(real, real, true), KernelSum(fake, fake, true), KernelSum(real, fake, false), real.Rows, fake.Rows);

    private static double Estimate(double realOffDiagonal, double fakeOffDiagonal, double cross, int m, int n) =>
        realOffDiagonal / ((double)m * (m - 1)) + fakeOffDiagonal / ((double)n * (n - 1)) - 2 * cross / ((double)m * n);

    private static double Kernel(double dot, int d)
    {
        var t = dot / d + 1;
        return t * t * t;
    }

    private static int[] Draw(Random random, int[] order, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }

    private static double KernelSum(FeatureMatrix a, FeatureMatrix b, bool skipDiagonal)
    {
        var rowSums = new double[a.Rows];
        PairwiseBlocks.ForEachRowBlock(a, b, PairKind.Dot, (first, count, values) =>
        {
            for (var r = 0; r < count; r++)
            {
                var row = first + r;
                var dots = values.AsSpan(r * b.Rows, b.Rows);
                var sum = 0.0;
                for (var j = 0; j < dots.Length; j++)
                {
                    if (!skipDiagonal || j != row)
                    {
                        sum += Kernel(dots[j], a.Columns);
                    }
                }

                rowSums[row] = sum;
            }
        });
        return rowSums.Sum();
    }

    private static double[] KernelMatrix(FeatureMatrix a, FeatureMatrix b)
    {
        var kernel = new double[(long)a.Rows * b.Rows];
        PairwiseBlocks.ForEachRowBlock(a, b, PairKind.Dot, (first, count, values) =>
        {
            for (var i = 0; i < count * b.Rows; i++)
            {
                kernel[(long)first * b.Rows + i] = Kernel(values[i], a.Columns);
            }
        });
        return kernel;
    }

    private static double OffDiagonalSum(double[] kernel, int width, int[] rows)
    {
        var sum = 0.0;
        foreach (var i in rows)
        {
            var rowSum = 0.0;
            foreach (var j in rows)
            {
                if (j != i)
                {
                    rowSum += kernel[(long)i * width + j];
                }
            }

            sum += rowSum;
        }

        return sum;
    }

    private static double CrossSum(double[] kernel, int width, int[] rows, int[] columns)
    {
        var sum = 0.0;
        foreach (var i in rows)
        {
            var rowSum = 0.0;
            foreach (var j in columns)
            {
                rowSum += kernel[(long)i * width + j];
            }

            sum += rowSum;
        }

        return sum;
    }
}
