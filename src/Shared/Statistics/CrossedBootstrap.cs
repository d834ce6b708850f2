namespace MelanoGans.Shared.Statistics;

/// <summary>
/// A seeded percentile bootstrap of a pooled error rate over raters and items together (a "crossed" or two-way
/// bootstrap): each resample draws the raters with replacement and, independently, the items with replacement, and
/// pools every answer of a drawn rater on a drawn item, counted as often as the pair was drawn.
/// </summary>
/// <remarks>
/// Resampling both raters and items carries both sources of uncertainty: another panel of clinicians, and another set
/// of images from the same models (HYPE, Zhou et al. 2019, bootstraps over both). With one rater it is a bootstrap over
/// items. A resample that draws no answers is undefined and left out of the percentiles (counted in
/// <see cref="BootstrapInterval.Undefined"/>).
/// </remarks>
public static class CrossedBootstrap
{
    /// <summary>The interval of errors / answers.</summary>
    /// <param name="answers">One entry per answer: its rater, its item (any ids) and whether it was an error.</param>
    /// <param name="resamples">Resamples; 0 gives null.</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <param name="confidence">Central coverage.</param>
    public static BootstrapInterval? ErrorRate(IReadOnlyList<(int Rater, int Item, bool Error)> answers, int resamples, int seed, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (resamples <= 0 || answers.Count == 0)
        {
            return null;
        }

        var raterIds = Compact(answers.Select(a => a.Rater));
        var itemIds = Compact(answers.Select(a => a.Item));
        int raters = raterIds.Count, items = itemIds.Count;
        var count = new int[raters * items];
        var errors = new int[raters * items];
        foreach (var (rater, item, error) in answers)
        {
            var cell = raterIds[rater] * items + itemIds[item];
            count[cell]++;
            errors[cell] += error ? 1 : 0;
        }

        var random = new Random(seed);
        var raterWeight = new int[raters];
        var itemWeight = new int[items];
        var values = new List<double>(resamples);
        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(raterWeight);
            Array.Clear(itemWeight);
            for (var r = 0; r < raters; r++)
            {
                raterWeight[random.Next(raters)]++;
            }

            for (var i = 0; i < items; i++)
            {
                itemWeight[random.Next(items)]++;
            }

            long n = 0, e = 0;
            for (var r = 0; r < raters; r++)
            {
                if (raterWeight[r] == 0)
                {
                    continue;
                }

                long rowN = 0, rowE = 0;
                var offset = r * items;
                for (var i = 0; i < items; i++)
                {
                    rowN += (long)itemWeight[i] * count[offset + i];
                    rowE += (long)itemWeight[i] * errors[offset + i];
                }

                n += raterWeight[r] * rowN;
                e += raterWeight[r] * rowE;
            }

            if (n > 0)
            {
                values.Add((double)e / n);
            }
        }

        return Percentiles(values, resamples, confidence);
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
