namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// The empirical (trapezoidal, Wilcoxon) AUC of every reader and test with its placement values (DeLong et al. 1988):
/// for an abnormal case the share of the test's normal cases it outranks (ties count one half), for a normal case
/// the share of abnormal cases that outrank it. Leaving one case out then costs O(1): the jackknife needs no refit.
/// </summary>
internal sealed class AucEstimates
{
    private AucEstimates(double[,] auc, double[][][] placement, int[] abnormalCount, int[] normalCount)
    {
        Auc = auc;
        Placement = placement;
        AbnormalCount = abnormalCount;
        NormalCount = normalCount;
    }

    /// <summary>[test, reader].</summary>
    public double[,] Auc { get; }

    /// <summary>[test][reader][case]: V10 for abnormal cases, V01 for normal ones; NaN for a case the test never showed.</summary>
    public double[][][] Placement { get; }

    /// <summary>Abnormal cases each test showed.</summary>
    public int[] AbnormalCount { get; }

    /// <summary>Normal cases each test showed.</summary>
    public int[] NormalCount { get; }

    public static AucEstimates Compute(MrmcTable table)
    {
        int tests = table.Tests.Count, readers = table.Readers.Count, cases = table.Cases.Count;
        var auc = new double[tests, readers];
        var placement = new double[tests][][];
        var abnormalCount = new int[tests];
        var normalCount = new int[tests];
        for (var t = 0; t < tests; t++)
        {
            var seen = Enumerable.Range(0, cases).Where(c => table.Saw(t, c)).ToArray();
            abnormalCount[t] = seen.Count(c => table.Abnormal[c]);
            normalCount[t] = seen.Length - abnormalCount[t];
            placement[t] = new double[readers][];
            for (var r = 0; r < readers; r++)
            {
                (auc[t, r], placement[t][r]) = Placements(table.Ratings[t][r], seen, table.Abnormal, abnormalCount[t], normalCount[t], cases);
            }
        }

        return new AucEstimates(auc, placement, abnormalCount, normalCount);
    }

    /// <summary>AUC with one case left out, from the placement values: O(1) per case.</summary>
    public double LeaveOut(int test, int reader, int c, bool abnormal)
    {
        var v = Placement[test][reader][c];
        if (double.IsNaN(v)) return Auc[test, reader]; // the test never showed it: its AUC does not change
        return abnormal
            ? (AbnormalCount[test] * Auc[test, reader] - v) / (AbnormalCount[test] - 1)
            : (NormalCount[test] * Auc[test, reader] - v) / (NormalCount[test] - 1);
    }

    // Sorting the ratings once gives every case's placement: for a value x, the normals below x count 1, equal ones 1/2.
    private static (double Auc, double[] Placement) Placements(double[] ratings, int[] seen, IReadOnlyList<bool> abnormal, int n1, int n0, int cases)
    {
        var placement = new double[cases];
        Array.Fill(placement, double.NaN);
        var normals = seen.Where(c => !abnormal[c]).Select(c => ratings[c]).ToArray();
        var abnormals = seen.Where(c => abnormal[c]).Select(c => ratings[c]).ToArray();
        Array.Sort(normals);
        Array.Sort(abnormals);
        double sum = 0;
        foreach (var c in seen)
        {
            var x = ratings[c];
            if (abnormal[c])
            {
                var below = LowerBound(normals, x);
                var equal = UpperBound(normals, x) - below;
                placement[c] = (below + 0.5 * equal) / n0;
                sum += placement[c];
            }
            else
            {
                var above = abnormals.Length - UpperBound(abnormals, x);
                var equal = UpperBound(abnormals, x) - LowerBound(abnormals, x);
                placement[c] = (above + 0.5 * equal) / n1;
            }
        }

        return (sum / n1, placement);
    }

    private static int LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid] < x) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }

        return lo;
    }
}
