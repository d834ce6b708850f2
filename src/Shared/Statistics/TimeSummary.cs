namespace MelanoGans.Shared.Statistics;

/// <summary>Distribution of the active time per item (active_ms) of a set of answers; nulls when there are none.</summary>
/// <param name="Answers">Answers counted.</param>
/// <param name="MedianMs">Median active milliseconds.</param>
/// <param name="LowerQuartileMs">25th percentile (linear interpolation, numpy's default).</param>
/// <param name="UpperQuartileMs">75th percentile.</param>
public sealed record TimeSummary(int Answers, double? MedianMs, double? LowerQuartileMs, double? UpperQuartileMs)
{
    /// <summary>The summary of <paramref name="times"/> (sorted in place).</summary>
    internal static TimeSummary Of(List<double> times)
    {
        times.Sort();
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(times);
        return new TimeSummary(times.Count, Quantiles.OfSorted(sorted, 0.5), Quantiles.OfSorted(sorted, 0.25), Quantiles.OfSorted(sorted, 0.75));
    }
}
