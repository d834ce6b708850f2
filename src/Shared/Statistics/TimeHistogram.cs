using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>The distribution of active time per answer (active_ms of each first answer) in equal bins from 0.</summary>
/// <param name="Answers">Answers counted.</param>
/// <param name="BinWidthMs">Width of every bin: 1, 2 or 5 times a power of ten milliseconds.</param>
/// <param name="Bins">Bins from 0 up to the first edge above the longest time; empty when there are no answers.</param>
public sealed record TimeHistogram(int Answers, long BinWidthMs, IReadOnlyList<TimeBin> Bins)
{
    /// <summary>The most bins a histogram gets; the width is the smallest round number that keeps within it.</summary>
    public const int DefaultMaxBins = 20;

    /// <summary>The histogram of the first answers of <paramref name="rows"/> (repeats left out, as in the report's time summary).</summary>
    public static TimeHistogram Compute(IReadOnlyList<RatingRow> rows, int maxBins = DefaultMaxBins)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Compute(StudyData.Build(rows, []), maxBins);
    }

    /// <summary>The histogram of the first answers of an indexed ratings table.</summary>
    internal static TimeHistogram Compute(StudyData data, int maxBins = DefaultMaxBins) =>
        FromTimes(data.FirstAnswers.Select(r => r.ActiveMs).ToArray(), maxBins);

    /// <summary>The histogram of <paramref name="activeMs"/> (negative times count as 0).</summary>
    public static TimeHistogram FromTimes(IReadOnlyList<long> activeMs, int maxBins = DefaultMaxBins)
    {
        ArgumentNullException.ThrowIfNull(activeMs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        if (activeMs.Count == 0)
        {
            return new TimeHistogram(0, 1, []);
        }

        var max = Math.Max(0, activeMs.Max());
        var width = RoundWidth(max, maxBins);
        // The top edge lies strictly above the longest time, so every bin is half-open [from, to).
        var binCount = (int)(max / width) + 1;
        var counts = new int[binCount];
        foreach (var ms in activeMs)
        {
            counts[Math.Max(0, ms) / width]++;
        }

        var bins = counts.Select((c, b) => new TimeBin(b * width, (b + 1) * width, c)).ToArray();
        return new TimeHistogram(activeMs.Count, width, bins);
    }

    // The smallest of 1, 2, 5 x 10^k ms with floor(max / width) + 1 <= maxBins: readable edges (2 s, 5 s, 10 s).
    private static long RoundWidth(long max, int maxBins)
    {
        for (long power = 1; ; power *= 10)
        {
            foreach (var step in (ReadOnlySpan<long>)[1, 2, 5])
            {
                var width = step * power;
                if (max / width + 1 <= maxBins)
                {
                    return width;
                }
            }
        }
    }
}
