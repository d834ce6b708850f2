namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// The covariance matrix of the AUCs of every (test, reader) pair, index <c>test * readers + reader</c>, by the
/// jackknife over cases, DeLong's structural components or the unbiased estimator.
/// </summary>
internal static class MrmcCovariance
{
    public static double[,] Compute(MrmcTable table, AucEstimates auc, MrmcCovarianceMethod method) => method switch
    {
        MrmcCovarianceMethod.Jackknife => Jackknife(table, auc),
        MrmcCovarianceMethod.DeLong => DeLong(table, auc),
        MrmcCovarianceMethod.Unbiased => Unbiased(table, auc),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>The AUCs with each case left out, [pair][case]; a case a test never showed leaves its AUC as it is.</summary>
    public static double[][] LeaveOneOut(MrmcTable table, AucEstimates auc)
    {
        int tests = table.Tests.Count, readers = table.Readers.Count, cases = table.Cases.Count;
        var values = new double[tests * readers][];
        for (var t = 0; t < tests; t++)
        for (var r = 0; r < readers; r++)
        {
            var row = values[t * readers + r] = new double[cases];
            for (var c = 0; c < cases; c++) row[c] = auc.LeaveOut(t, r, c, table.Abnormal[c]);
        }

        return values;
    }

    // Cov = (K-1)/K sum_k (theta_a(-k) - mean_a)(theta_b(-k) - mean_b), K = every case of the study.
    private static double[,] Jackknife(MrmcTable table, AucEstimates auc)
    {
        var values = LeaveOneOut(table, auc);
        int n = values.Length, cases = table.Cases.Count;
        var deviations = values.Select(v =>
        {
            var mean = v.Average();
            return v.Select(x => x - mean).ToArray();
        }).ToArray();
        var cov = new double[n, n];
        var scale = (cases - 1.0) / cases;
        // Rows in parallel: each writes only its own cells, so the matrix is the same at any thread count.
        Parallel.For(0, n, a =>
        {
            for (var b = a; b < n; b++) cov[a, b] = cov[b, a] = scale * VectorMath.Dot(deviations[a], deviations[b]);
        });

        return cov;
    }

    // S10 / m + S01 / n over the placement values (DeLong, DeLong and Clarke-Pearson 1988).
    private static double[,] DeLong(MrmcTable table, AucEstimates auc)
    {
        RequireCrossed(table, "DeLong");
        var (pairs, theta, placement) = Flatten(table, auc);
        var abnormal = Enumerable.Range(0, table.Cases.Count).Where(c => table.Abnormal[c]).ToArray();
        var normal = Enumerable.Range(0, table.Cases.Count).Where(c => !table.Abnormal[c]).ToArray();
        var cov = new double[pairs, pairs];
        for (var a = 0; a < pairs; a++)
        for (var b = a; b < pairs; b++)
        {
            double s10 = 0, s01 = 0;
            foreach (var c in abnormal) s10 += (placement[a][c] - theta[a]) * (placement[b][c] - theta[b]);
            foreach (var c in normal) s01 += (placement[a][c] - theta[a]) * (placement[b][c] - theta[b]);
            cov[a, b] = cov[b, a] = s10 / (abnormal.Length - 1) / abnormal.Length + s01 / (normal.Length - 1) / normal.Length;
        }

        return cov;
    }

    // Gallas (2006): Cov = [M1 + (n0-1) M2 + (n1-1) M3 - (n0+n1-1) M4] / (n0 n1) with the moments of the kernel
    // s(a, n) = 1, 1/2, 0 over same-case, same-abnormal, same-normal and disjoint pairs of case pairs.
    private static double[,] Unbiased(MrmcTable table, AucEstimates auc)
    {
        RequireCrossed(table, "the unbiased estimator");
        var (pairs, theta, placement) = Flatten(table, auc);
        var abnormal = Enumerable.Range(0, table.Cases.Count).Where(c => table.Abnormal[c]).ToArray();
        var normal = Enumerable.Range(0, table.Cases.Count).Where(c => !table.Abnormal[c]).ToArray();
        double n1 = abnormal.Length, n0 = normal.Length;
        var ratings = Enumerable.Range(0, pairs).Select(p => table.Ratings[p / table.Readers.Count][p % table.Readers.Count]).ToArray();
        var cov = new double[pairs, pairs];
        for (var a = 0; a < pairs; a++)
        for (var b = a; b < pairs; b++)
        {
            double same = 0;
            foreach (var i in abnormal)
            foreach (var j in normal)
                same += Kernel(ratings[a][i], ratings[a][j]) * Kernel(ratings[b][i], ratings[b][j]);
            double rows = 0, cols = 0;
            foreach (var i in abnormal) rows += n0 * n0 * placement[a][i] * placement[b][i];
            foreach (var j in normal) cols += n1 * n1 * placement[a][j] * placement[b][j];
            var m1 = same / (n1 * n0);
            var m2 = (rows - same) / (n1 * n0 * (n0 - 1));
            var m3 = (cols - same) / (n1 * n0 * (n1 - 1));
            var m4 = (n1 * n1 * n0 * n0 * theta[a] * theta[b] - rows - cols + same) / (n1 * n0 * (n1 - 1) * (n0 - 1));
            cov[a, b] = cov[b, a] = (m1 + (n0 - 1) * m2 + (n1 - 1) * m3 - (n0 + n1 - 1) * m4) / (n0 * n1);
        }

        return cov;
    }

    private static double Kernel(double abnormal, double normal) => abnormal > normal ? 1 : abnormal == normal ? 0.5 : 0;

    private static (int Pairs, double[] Theta, double[][] Placement) Flatten(MrmcTable table, AucEstimates auc)
    {
        int readers = table.Readers.Count, pairs = table.Tests.Count * readers;
        var theta = Enumerable.Range(0, pairs).Select(p => auc.Auc[p / readers, p % readers]).ToArray();
        var placement = Enumerable.Range(0, pairs).Select(p => auc.Placement[p / readers][p % readers]).ToArray();
        return (pairs, theta, placement);
    }

    private static void RequireCrossed(MrmcTable table, string what)
    {
        if (!table.Crossed)
            throw new MrmcInputException($"{what} needs every test to show every case; this design is split (use the jackknife).");
    }
}
