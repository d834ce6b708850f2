using System.Text.Json;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>
/// Issue 23: the MRMC analysis reproduces every published number of the Van Dyke (1995) reader study (5 readers,
/// 114 cases, 2 modalities) that the University of Iowa's OR-DBM MRMC program, MRMCaov and RJafroc print, to the
/// printed precision, for the jackknife, DeLong and unbiased covariances.
/// </summary>
public sealed class VanDykeTests
{
    [Theory]
    [InlineData("jackknife")]
    [InlineData("delong")]
    [InlineData("unbiased")]
    public void Every_published_number_is_reproduced(string method)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(SharedData.Require("mrmc/vandyke_expected.json"))).RootElement.GetProperty("expected");
        var actual = Flatten(Enum.Parse<MrmcCovarianceMethod>(method, ignoreCase: true));
        var checkedCount = 0;
        foreach (var entry in expected.EnumerateObject().Where(e => e.Value.GetProperty("cov_method").GetString() == method))
        {
            var path = entry.Value.GetProperty("path").GetString()!;
            Assert.True(actual.TryGetValue(path, out var value), $"{entry.Name}: no value at {path}");
            var want = entry.Value.GetProperty("value").GetDouble();
            var tolerance = entry.Value.GetProperty("abs_tol").GetDouble();
            Assert.True(Math.Abs(value - want) <= tolerance * 1.0000001,
                $"{entry.Name} ({path}): published {entry.Value.GetProperty("printed").GetString()}, computed {value:R}");
            checkedCount++;
        }

        // 126 jackknife figures (OR, DBM, all three analyses), 24 each for DeLong and the unbiased estimator.
        Assert.True(checkedCount >= (method == "jackknife" ? 126 : 24), $"only {checkedCount} numbers checked");
    }

    /// <summary>Every figure by the JSON path of the expectations file.</summary>
    private static IReadOnlyDictionary<string, double> Flatten(MrmcCovarianceMethod method)
    {
        var table = MrmcLongCsv.Parse(File.ReadAllText(SharedData.Require("mrmc/vandyke.csv")));
        var or = OrComponents.Compute(table, method);
        var v = new Dictionary<string, double>();
        for (var t = 0; t < 2; t++)
        {
            for (var r = 0; r < 5; r++) v[$"auc.{t + 1}.{r + 1}"] = or.Auc[t, r];
            v[$"test_means.{t + 1}"] = or.TestMeans[t];
        }

        (v["anova.ms_t"], v["anova.ms_r"], v["anova.ms_tr"], v["anova.ss_r"], v["anova.ss_tr"]) = (or.Anova.MsT, or.Anova.MsR, or.Anova.MsTr, or.Anova.SsR, or.Anova.SsTr);
        (v["or_components.var_r"], v["or_components.var_tr"], v["or_components.var_error"]) = (or.VarR, or.VarTr, or.VarError);
        (v["or_components.cov1"], v["or_components.cov2"], v["or_components.cov3"]) = (or.Cov1, or.Cov2, or.Cov3);
        (v["or_components.r1"], v["or_components.r2"], v["or_components.r3"]) = (or.Cov1 / or.VarError, or.Cov2 / or.VarError, or.Cov3 / or.VarError);

        foreach (var analysis in Enum.GetValues<MrmcAnalysis>())
        {
            var name = analysis.ToString().ToLowerInvariant();
            var report = ObuchowskiRockette.Analyse(table, method, analysis);
            var (variance, _) = ObuchowskiRockette.DifferenceVariance(or, analysis);
            v[$"{name}.denominator"] = variance;
            v[$"{name}.{(analysis == MrmcAnalysis.Frrc ? "X2" : "F")}"] = report.F!.Value;
            if (report.Ddf is { } ddf) v[$"{name}.df2"] = ddf;
            v[$"{name}.p"] = report.P!.Value;
            var diff = report.Comparisons.Single();
            v[$"{name}.diffs.0.estimate"] = diff.Difference;
            v[$"{name}.diffs.0.stderr"] = diff.Stderr;
            v[$"{name}.diffs.0.{(analysis == MrmcAnalysis.Frrc ? "z" : "t")}"] = diff.Statistic;
            v[$"{name}.diffs.0.p"] = diff.P;
            (v[$"{name}.diffs.0.ci.0"], v[$"{name}.diffs.0.ci.1"]) = (diff.CiLower, diff.CiUpper);
            for (var t = 0; t < 2; t++)
            {
                var single = report.Tests[t];
                var key = $"{name}.single.{t + 1}";
                (v[$"{key}.stderr"], v[$"{key}.ci.0"], v[$"{key}.ci.1"]) = (single.Stderr, single.CiLower, single.CiUpper);
                if (single.Df is { } df) v[$"{key}.df"] = df;
                (v[$"{key}.ms_r"], v[$"{key}.var_error"], v[$"{key}.cov2"]) = or.Single[t];
            }
        }

        var perReader = ObuchowskiRockette.PerReader(or, 0, 1);
        for (var r = 0; r < perReader.Count; r++)
        {
            var x = perReader[r];
            var key = $"frrc.per_reader.{r}";
            (v[$"{key}.estimate"], v[$"{key}.stderr"], v[$"{key}.ci.0"], v[$"{key}.ci.1"]) = (x.Estimate, x.Stderr, x.Lower, x.Upper);
            (v[$"{key}.p"], v[$"{key}.var_error"], v[$"{key}.cov1"]) = (x.P, x.VarError, x.Cov1);
        }

        var dbm = DbmAnalysis.Compute(table);
        (v["dbm.ms.T"], v["dbm.ms.R"], v["dbm.ms.C"], v["dbm.ms.TR"]) = (dbm.MsT, dbm.MsR, dbm.MsC, dbm.MsTr);
        (v["dbm.ms.TC"], v["dbm.ms.RC"], v["dbm.ms.TRC"]) = (dbm.MsTc, dbm.MsRc, dbm.MsTrc);
        (v["dbm.var_components.var_r"], v["dbm.var_components.var_c"], v["dbm.var_components.var_tr"]) = (dbm.VarR(2, 114), dbm.VarC(2, 5), dbm.VarTr(114));
        (v["dbm.var_components.var_tc"], v["dbm.var_components.var_rc"], v["dbm.var_components.var_trc_err"]) = (dbm.VarTc(5), dbm.VarRc(2), dbm.MsTrc);
        v["dbm.rrrc.denominator"] = dbm.RrrcDenominator;
        return v;
    }
}
