namespace MelanoGans.Shared.Statistics;

/// <summary>Sample quantiles by linear interpolation between order statistics (Hyndman-Fan type 7, numpy's default).</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="probability"/> quantile of values already sorted ascending; null when empty.</summary>
    public static double? OfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var h = (sorted.Length - 1) * probability;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>The <paramref name="probability"/> quantile of <paramref name="values"/> in any order (a sorted copy); null when empty.</summary>
    public static double? Of(IEnumerable<double> values, double probability)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, probability);
    }
}
