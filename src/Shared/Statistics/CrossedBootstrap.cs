using MelanoGans.Shared.Randomness;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// A seeded percentile bootstrap of a pooled error rate over raters and items together (a "crossed" or two-way
/// bootstrap): each resample draws the raters with replacement and, independently, the items with replacement, and
/// pools every answer of a drawn rater on a drawn item, counted as often as the pair was drawn.
/// </summary>
/// <remarks>
/// Resampling both raters and items carries both sources of uncertainty: another panel of clinicians, and another set
/// of images from the same models (HYPE, Zhou et al. 2019, bootstraps over both). With one rater it is a bootstrap over
/// items (drawn through the binomial distribution it amounts to when the rater answered each item once). A resample
/// that draws no answers is undefined and left out of the percentiles (counted in <see cref="BootstrapInterval.Undefined"/>).
/// Resamples run in parallel, each with its own <see cref="Xoshiro256"/> from a seed drawn up front from <c>seed</c>, so
/// the interval is the same at any number of threads; each is two weighted sums over the rater x item matrix of answer
/// and error counts.
/// </remarks>
public static class CrossedBootstrap
{
    /// <summary>The interval of errors / answers.</summary>
    /// <param name="answers">One entry per answer: its rater, its item (any ids) and whether it was an error.</param>
    /// <param name="resamples">Resamples; 0 gives null.</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <param name="confidence">Central coverage.</param>
    /// <param name="threads">Threads at most (null: as many as the machine gives); the result does not depend on it.</param>
    public static BootstrapInterval? ErrorRate(
        IReadOnlyList<(int Rater, int Item, bool Error)> answers, int resamples, int seed, double confidence = 0.95, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (resamples <= 0 || answers.Count == 0)
        {
            return null;
        }

        var raterIds = Compact(answers.Select(a => a.Rater));
        var itemIds = Compact(answers.Select(a => a.Item));
        int raters = raterIds.Count, items = itemIds.Count;
        if (raters == 1 && answers.Count == items)
        {
            return OneAnswerPerItem(items, answers.Count(a => a.Error), resamples, seed, confidence);
        }

        // Answers and errors per rater x item cell; a resample's totals are weighted sums over this matrix.
        var count = new double[raters * items];
        var errors = new double[raters * items];
        foreach (var (rater, item, error) in answers)
        {
            var cell = raterIds[rater] * items + itemIds[item];
            count[cell]++;
            errors[cell] += error ? 1 : 0;
        }

        // One seed per resample, drawn up front: the result is the same at any number of threads.
        var seeds = Seeds(seed, resamples);
        var rates = new double[resamples];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads ?? -1 };
        Parallel.For(0, resamples, parallel, () => (Raters: new int[raters], Items: new double[items]), (b, _, weights) =>
        {
            var random = new Xoshiro256((ulong)seeds[b]);
            Array.Clear(weights.Raters);
            Array.Clear(weights.Items);
            for (var r = 0; r < raters; r++)
            {
                weights.Raters[random.Next(raters)]++;
            }

            for (var i = 0; i < items; i++)
            {
                weights.Items[random.Next(items)]++;
            }

            // Counts and weights are small integers, so these double sums are exact.
            double n = 0, e = 0;
            for (var r = 0; r < raters; r++)
            {
                if (weights.Raters[r] == 0)
                {
                    continue;
                }

                n += weights.Raters[r] * VectorMath.Dot(count.AsSpan(r * items, items), weights.Items);
                e += weights.Raters[r] * VectorMath.Dot(errors.AsSpan(r * items, items), weights.Items);
            }

            rates[b] = n > 0 ? e / n : double.NaN;
            return weights;
        }, _ => { });

        return Percentiles(rates.Where(v => !double.IsNaN(v)).ToList(), resamples, confidence);
    }

    /// <summary>
    /// One rater who answered each item once (a rater's own interval): drawing n items with replacement draws each
    /// answer's error with probability errors / n, so a resample's error count is Binomial(n, errors / n), exactly the
    /// distribution the general path samples with n draws. Each resample is one uniform from its own seed, inverted
    /// through that binomial's distribution function: O(log n) instead of n draws.
    /// </summary>
    private static BootstrapInterval OneAnswerPerItem(int n, int errors, int resamples, int seed, double confidence)
    {
        if (errors == 0 || errors == n)
        {
            // Every resample draws only errors, or none.
            return Percentiles(Enumerable.Repeat((double)errors / n, resamples).ToList(), resamples, confidence);
        }

        var p = (double)errors / n;
        var cumulative = new double[n + 1];
        double sum = 0;
        for (var k = 0; k <= n; k++)
        {
            sum += Math.Exp(MathNet.Numerics.Distributions.Binomial.PMFLn(p, n, k));
            cumulative[k] = sum;
        }

        var seeds = Seeds(seed, resamples);
        var rates = new List<double>(resamples);
        for (var b = 0; b < resamples; b++)
        {
            // A uniform in [0, total): the distribution function is normalised by its own total, so rounding leaves no gap.
            var u = new Xoshiro256((ulong)seeds[b]).NextDouble() * sum;
            rates.Add((double)FirstAbove(cumulative, u) / n);
        }

        return Percentiles(rates, resamples, confidence);
    }

    // The smallest k with sorted[k] > x (the inverse of a distribution function); sorted's last value exceeds x.
    private static int FirstAbove(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid] > x) hi = mid; else lo = mid + 1;
        }

        return lo;
    }

    private static int[] Seeds(int seed, int resamples)
    {
        var random = new Random(seed);
        var seeds = new int[resamples];
        for (var b = 0; b < resamples; b++)
        {
            seeds[b] = random.Next();
        }

        return seeds;
    }

    /// <summary>The percentile interval of the mean of <paramref name="values"/>, resampled with replacement.</summary>
    public static BootstrapInterval? Mean(IReadOnlyList<double> values, int resamples, int seed, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (resamples <= 0 || values.Count == 0)
        {
            return null;
        }

        var random = new Random(seed);
        var means = new List<double>(resamples);
        for (var b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means.Add(sum / values.Count);
        }

        return Percentiles(means, resamples, confidence);
    }

    private static BootstrapInterval Percentiles(List<double> values, int resamples, double confidence)
    {
        values.Sort();
        var tail = (1 - confidence) / 2;
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        return new BootstrapInterval(Quantiles.OfSorted(sorted, tail), Quantiles.OfSorted(sorted, 1 - tail), resamples, resamples - values.Count);
    }

    private static Dictionary<int, int> Compact(IEnumerable<int> ids)
    {
        var map = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            map.TryAdd(id, map.Count);
        }

        return map;
    }
}
