using MathNet.Numerics.Distributions;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// Obuchowski-Rockette (1995) analysis of the reader x test AUCs with Hillis's (2007) denominator degrees of freedom,
/// as OR-DBM MRMC, MRMCaov and RJafroc compute it (docs/statistics.md, "Does it generalise?").
/// </summary>
/// <remarks>
/// <para>Random readers and cases (rrrc): F = MS(T) / (MS(TR) + J max(Cov2 - Cov3, 0)) on t - 1 and
/// ddf = (MS(TR) + J max(Cov2 - Cov3, 0))² / (MS(TR)² / ((t-1)(J-1))) degrees of freedom; a difference of two tests
/// has standard error sqrt(2 (MS(TR) + J max(Cov2 - Cov3, 0)) / J) on ddf. One test alone: standard error
/// sqrt((MS(R) + J max(Cov2, 0)) / J) on (MS(R) + J max(Cov2, 0))² / (MS(R)² / (J-1)) degrees of freedom.</para>
/// <para>Fixed readers (frrc): chi-square = (t-1) MS(T) / (Var - Cov1 + (J-1)(Cov2 - Cov3)) on t - 1; differences
/// and single tests with normal intervals (single: sqrt((Var + (J-1) max(Cov2, 0)) / J)). Fixed cases (rrfc):
/// F = MS(T) / MS(TR) on t - 1 and (t-1)(J-1); single tests sqrt(MS(R) / J) on J - 1.</para>
/// </remarks>
public static class ObuchowskiRockette
{
    private const double Confidence = 0.95;

    /// <summary>The analysis of <paramref name="table"/>; throws <see cref="MrmcInputException"/> for a table it cannot analyse.</summary>
    public static MrmcReport Analyse(MrmcTable table, MrmcCovarianceMethod method = MrmcCovarianceMethod.Jackknife,
        MrmcAnalysis analysis = MrmcAnalysis.Rrrc, IReadOnlyList<string>? messages = null)
    {
        MrmcTableCheck.Require(table);
        var or = OrComponents.Compute(table, method);
        int t = or.TestCount, r = or.ReaderCount;
        var tests = Enumerable.Range(0, t).Select(i => Single(table.Tests[i], or, i, analysis)).ToList();
        var comparisons = new List<MrmcComparison>();
        double? f = null, ddf = null, p = null;
        if (t > 1)
        {
            var (variance, df) = DifferenceVariance(or, analysis);
            for (var a = 0; a < t; a++)
            for (var b = a + 1; b < t; b++)
                comparisons.Add(Compare(table.Tests[a], table.Tests[b], or.TestMeans[a] - or.TestMeans[b], Math.Sqrt(2 * variance / r), df));
            switch (analysis)
            {
                case MrmcAnalysis.Frrc:
                    f = (t - 1) * or.Anova.MsT / variance;
                    p = 1 - new ChiSquared(t - 1).CumulativeDistribution(f.Value);
                    break;
                default:
                    f = or.Anova.MsT / variance;
                    ddf = df;
                    // Infinite denominator degrees of freedom (no test x reader variation): (t-1) F is chi-square.
                    p = df is { } d
                        ? 1 - new FisherSnedecor(t - 1, d).CumulativeDistribution(f.Value)
                        : 1 - new ChiSquared(t - 1).CumulativeDistribution((t - 1) * f.Value);
                    break;
            }
        }

        var aucs = Enumerable.Range(0, t).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, r).Select(j => or.Auc[i, j]).ToArray()).ToList();
        return new MrmcReport(r, or.CaseCount, Name(method), Name(analysis), or.VarError, or.Cov1, or.Cov2, or.Cov3, or.VarR, or.VarTr,
            f, t - 1, ddf, p, tests, comparisons, aucs, table.Readers.ToList(), or.Anova, messages ?? []);
    }

    /// <summary>
    /// The variance behind a difference of two tests (its standard error is sqrt(2 v / J)) and its degrees of freedom
    /// (null: normal): the denominator of the analysis's statistic.
    /// </summary>
    internal static (double Variance, double? Df) DifferenceVariance(OrComponents or, MrmcAnalysis analysis)
    {
        int t = or.TestCount, r = or.ReaderCount;
        switch (analysis)
        {
            case MrmcAnalysis.Rrrc:
                var denominator = or.Anova.MsTr + r * Math.Max(or.Cov2 - or.Cov3, 0);
                return (denominator, or.Anova.MsTr > 0 ? denominator * denominator / (or.Anova.MsTr * or.Anova.MsTr / ((t - 1) * (r - 1))) : null);
            case MrmcAnalysis.Frrc:
                return (or.VarError - or.Cov1 + (r - 1) * (or.Cov2 - or.Cov3), null);
            default:
                return (or.Anova.MsTr, (t - 1) * (r - 1));
        }
    }

    /// <summary>Fixed-reader comparisons of two tests for each reader alone: difference, standard error sqrt(2 (Var_j - Cov1_j)), normal interval.</summary>
    internal static IReadOnlyList<(double Estimate, double Stderr, double Lower, double Upper, double P, double VarError, double Cov1)> PerReader(OrComponents or, int a, int b)
    {
        int r = or.ReaderCount;
        var z = Normal.InvCDF(0, 1, 1 - (1 - Confidence) / 2);
        return Enumerable.Range(0, r).Select(j =>
        {
            var var = (or.Covariance[a * r + j, a * r + j] + or.Covariance[b * r + j, b * r + j]) / 2;
            var cov1 = or.Covariance[a * r + j, b * r + j];
            var estimate = or.Auc[a, j] - or.Auc[b, j];
            var se = Math.Sqrt(2 * (var - cov1));
            return (estimate, se, estimate - z * se, estimate + z * se, 2 * (1 - Normal.CDF(0, 1, Math.Abs(estimate / se))), var, cov1);
        }).ToList();
    }

    private static MrmcTestResult Single(string name, OrComponents or, int i, MrmcAnalysis analysis)
    {
        var r = or.ReaderCount;
        var (msR, varError, cov2) = or.Single[i];
        var mean = or.TestMeans[i];
        double se;
        double? df;
        switch (analysis)
        {
            case MrmcAnalysis.Rrrc:
                var v = msR + r * Math.Max(cov2, 0);
                se = Math.Sqrt(v / r);
                // Readers who agree exactly leave no reader variance: the degrees of freedom are infinite (a normal interval).
                df = msR > 0 ? v * v / (msR * msR / (r - 1)) : null;
                break;
            case MrmcAnalysis.Frrc:
                se = Math.Sqrt((varError + (r - 1) * Math.Max(cov2, 0)) / r);
                df = null;
                break;
            default:
                se = Math.Sqrt(msR / r);
                df = r - 1;
                break;
        }

        var (lower, upper) = Interval(mean, se, df);
        var pChance = 1 - Cdf((mean - 0.5) / se, df);
        return new MrmcTestResult(name, mean, se, df, lower, upper, pChance);
    }

    private static MrmcComparison Compare(string a, string b, double difference, double se, double? df)
    {
        var (lower, upper) = Interval(difference, se, df);
        var statistic = difference / se;
        return new MrmcComparison([a, b], difference, se, df, lower, upper, statistic, 2 * (1 - Cdf(Math.Abs(statistic), df)));
    }

    private static (double Lower, double Upper) Interval(double estimate, double se, double? df)
    {
        var q = df is { } d ? StudentT.InvCDF(0, 1, d, 1 - (1 - Confidence) / 2) : Normal.InvCDF(0, 1, 1 - (1 - Confidence) / 2);
        return (estimate - q * se, estimate + q * se);
    }

    private static double Cdf(double x, double? df) => df is { } d ? StudentT.CDF(0, 1, d, x) : Normal.CDF(0, 1, x);

    internal static string Name(MrmcCovarianceMethod method) => method switch
    {
        MrmcCovarianceMethod.DeLong => "delong",
        MrmcCovarianceMethod.Unbiased => "unbiased",
        _ => "jackknife",
    };

    internal static string Name(MrmcAnalysis analysis) => analysis.ToString().ToLowerInvariant();
}
