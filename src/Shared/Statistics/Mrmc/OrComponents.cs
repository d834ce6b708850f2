namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// The Obuchowski-Rockette ingredients of a study: the reader x test AUCs, their covariance matrix, its averaged
/// components and the mean squares; per test the same for that test alone.
/// </summary>
internal sealed class OrComponents
{
    public required int TestCount { get; init; }

    public required int ReaderCount { get; init; }

    public required int CaseCount { get; init; }

    /// <summary>[test, reader].</summary>
    public required double[,] Auc { get; init; }

    /// <summary>Index test * readers + reader.</summary>
    public required double[,] Covariance { get; init; }

    public required double VarError { get; init; }

    public required double Cov1 { get; init; }

    public required double Cov2 { get; init; }

    public required double Cov3 { get; init; }

    public required MrmcAnova Anova { get; init; }

    /// <summary>Mean AUC of each test over readers.</summary>
    public required double[] TestMeans { get; init; }

    /// <summary>Per test: the variance of its readers' AUCs (mean square), the mean variance and the mean covariance of two readers.</summary>
    public required (double MsR, double VarError, double Cov2)[] Single { get; init; }

    /// <summary>Test x reader variance component, unclamped (MS(TR) - Var + Cov1 + Cov2 - Cov3).</summary>
    public double VarTr => Anova.MsTr - VarError + Cov1 + Cov2 - Cov3;

    /// <summary>Reader variance component.</summary>
    public double VarR => (Anova.MsR - VarError - (TestCount - 1) * Cov1 + Cov2 + (TestCount - 1) * Cov3 - VarTr) / TestCount;

    public static OrComponents Compute(MrmcTable table, MrmcCovarianceMethod method)
    {
        var estimates = AucEstimates.Compute(table);
        var cov = MrmcCovariance.Compute(table, estimates, method);
        int t = table.Tests.Count, r = table.Readers.Count;
        var auc = estimates.Auc;
        double var = 0, cov1 = 0, cov2 = 0, cov3 = 0;
        int nVar = 0, n1 = 0, n2 = 0, n3 = 0;
        for (var a = 0; a < t * r; a++)
        for (var b = 0; b < t * r; b++)
        {
            bool sameTest = a / r == b / r, sameReader = a % r == b % r;
            var c = cov[a, b];
            if (sameTest && sameReader) { var += c; nVar++; }
            else if (sameReader) { cov1 += c; n1++; }
            else if (sameTest) { cov2 += c; n2++; }
            else { cov3 += c; n3++; }
        }

        var testMeans = Enumerable.Range(0, t).Select(i => Enumerable.Range(0, r).Average(j => auc[i, j])).ToArray();
        var readerMeans = Enumerable.Range(0, r).Select(j => Enumerable.Range(0, t).Average(i => auc[i, j])).ToArray();
        var grand = testMeans.Average();
        var ssT = r * testMeans.Sum(m => (m - grand) * (m - grand));
        var ssR = t * readerMeans.Sum(m => (m - grand) * (m - grand));
        double ssTr = 0;
        for (var i = 0; i < t; i++)
        for (var j = 0; j < r; j++)
        {
            var e = auc[i, j] - testMeans[i] - readerMeans[j] + grand;
            ssTr += e * e;
        }

        var single = Enumerable.Range(0, t).Select(i =>
        {
            var msR = r > 1 ? Enumerable.Range(0, r).Sum(j => (auc[i, j] - testMeans[i]) * (auc[i, j] - testMeans[i])) / (r - 1) : double.NaN;
            double v = 0, c2 = 0;
            for (var j = 0; j < r; j++)
            for (var k = 0; k < r; k++)
            {
                if (j == k) v += cov[i * r + j, i * r + k];
                else c2 += cov[i * r + j, i * r + k];
            }

            return (msR, v / r, r > 1 ? c2 / (r * (r - 1)) : double.NaN);
        }).ToArray();

        return new OrComponents
        {
            TestCount = t,
            ReaderCount = r,
            CaseCount = table.Cases.Count,
            Auc = auc,
            Covariance = cov,
            VarError = var / nVar,
            Cov1 = n1 > 0 ? cov1 / n1 : double.NaN,
            Cov2 = n2 > 0 ? cov2 / n2 : double.NaN,
            Cov3 = n3 > 0 ? cov3 / n3 : double.NaN,
            Anova = new MrmcAnova(ssT, ssR, ssTr, t > 1 ? ssT / (t - 1) : double.NaN, r > 1 ? ssR / (r - 1) : double.NaN,
                t > 1 && r > 1 ? ssTr / ((t - 1) * (r - 1)) : double.NaN),
            TestMeans = testMeans,
            Single = single,
        };
    }
}
