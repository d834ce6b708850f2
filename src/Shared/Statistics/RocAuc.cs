namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Area under the ROC curve from an ordinal score, computed as the Mann-Whitney statistic U / (n1 n0):
/// the chance that a random positive scores above a random negative, ties counting one half.
/// </summary>
public static class RocAuc
{
    /// <summary>
    /// AUC from score histograms: <paramref name="positiveCounts"/>[s] positives and
    /// <paramref name="negativeCounts"/>[s] negatives have score level s (higher = more positive).
    /// </summary>
    /// <returns>The AUC, or null when either class is empty (it is undefined then).</returns>
    public static double? FromCounts(ReadOnlySpan<int> positiveCounts, ReadOnlySpan<int> negativeCounts)
    {
        if (positiveCounts.Length != negativeCounts.Length)
        {
            throw new ArgumentException("Both histograms need the same number of score levels.", nameof(negativeCounts));
        }

        long positives = 0, negatives = 0;
        foreach (var c in positiveCounts)
        {
            positives += c;
        }

        foreach (var c in negativeCounts)
        {
            negatives += c;
        }

        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        // Walk the levels upwards keeping how many negatives lie strictly below: O(levels), not O(n1 n0).
        double u = 0;
        long negativesBelow = 0;
        for (var s = 0; s < positiveCounts.Length; s++)
        {
            u += positiveCounts[s] * (negativesBelow + 0.5 * negativeCounts[s]);
            negativesBelow += negativeCounts[s];
        }

        return u / ((double)positives * negatives);
    }
}
