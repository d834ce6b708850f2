using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

/// <summary>
/// Every statistic against an independent computation on seeded generated ratings: statsmodels
/// (proportion_confint wilson, fleiss_kappa, cohens_kappa), scipy (binomtest, mannwhitneyu,
/// chi2_contingency without correction, fisher_exact, numpy percentiles) and a Krippendorff alpha written in
/// Python from the coincidence-matrix definition (reference/stats_reference.py).
/// </summary>
public sealed class PythonReferenceTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-stats-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (StudyReport Report, JsonElement Reference) Both(IReadOnlyList<RatingRow> rows, int bootstrap = 1000, int seed = 11)
    {
        var path = Path.Combine(_directory, "ratings.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(rows));
        var report = StudyStatistics.Compute(rows, new StatisticsOptions { BootstrapResamples = bootstrap, Seed = seed });
        return (report, PythonReference.Run(path, bootstrap, seed));
    }

    private static void Near(JsonElement expected, double? actual, string what, double tolerance = Tolerance)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: reference is undefined, C# gave {actual}");
            return;
        }

        Assert.True(actual is not null, $"{what}: C# is undefined, reference gave {expected.GetDouble()}");
        var scale = Math.Max(1, Math.Abs(expected.GetDouble()));
        Assert.True(Math.Abs(expected.GetDouble() - actual!.Value) <= tolerance * scale, $"{what}: reference {expected.GetDouble():R}, C# {actual:R}");
    }

    private static void NearProportion(JsonElement expected, ProportionEstimate actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual.Estimate is null, $"{what}: reference has no trials");
            return;
        }

        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Trials);
        Assert.Equal(expected.GetProperty("k").GetInt32(), actual.Successes);
        Near(expected.GetProperty("p"), actual.Estimate, what + " estimate");
        Near(expected.GetProperty("lo"), actual.Lower, what + " Wilson lower");
        Near(expected.GetProperty("hi"), actual.Upper, what + " Wilson upper");
    }

    private static void NearClassification(JsonElement expected, ClassificationSummary actual, string what)
    {
        Assert.Equal(expected.GetProperty("answers").GetInt32(), actual.Answers);
        NearProportion(expected.GetProperty("accuracy"), actual.Accuracy, what + " accuracy");
        Near(expected.GetProperty("binom_p"), actual.AccuracyVersusChance.PValue, what + " binomial p", 1e-9);
        NearProportion(expected.GetProperty("sensitivity"), actual.Sensitivity, what + " sensitivity");
        NearProportion(expected.GetProperty("specificity"), actual.Specificity, what + " specificity");
        NearProportion(expected.GetProperty("deception"), actual.DeceptionRate, what + " deception");
    }

    [Fact]
    public void Generated_study_matches_statsmodels_and_scipy()
    {
        var rows = SyntheticRatings.Generate(raters: 7, items: 160, seed: 42, missingShare: 0.3, repeatShare: 0.1);

        var (report, reference) = Both(rows);

        NearClassification(reference.GetProperty("overall"), report.Overall, "overall");
        Near(reference.GetProperty("overall_auc"), report.OverallAuc, "overall AUC");
        Near(reference.GetProperty("time").GetProperty("median"), report.Time.MedianMs, "median ms");
        Near(reference.GetProperty("time").GetProperty("q1"), report.Time.LowerQuartileMs, "q1 ms");
        Near(reference.GetProperty("time").GetProperty("q3"), report.Time.UpperQuartileMs, "q3 ms");
        Assert.Equal(reference.GetProperty("raters").EnumerateObject().Count(), report.Raters.Count);
        foreach (var rater in report.Raters)
        {
            var expected = reference.GetProperty("raters").GetProperty(rater.Rater);
            NearClassification(expected, rater.Classification, rater.Rater);
            Near(expected.GetProperty("auc"), rater.Auc, rater.Rater + " AUC (Mann-Whitney U / n1 n0)");
            Near(expected.GetProperty("time").GetProperty("median"), rater.Time.MedianMs, rater.Rater + " median ms");
        }

        Assert.Equal(reference.GetProperty("sources").EnumerateObject().Count(), report.Sources.Count);
        foreach (var source in report.Sources)
        {
            var expected = reference.GetProperty("sources").GetProperty(source.Source);
            NearClassification(expected, source.Classification, source.Source);
            var tags = expected.GetProperty("tags");
            Assert.Equal(tags.EnumerateObject().Count(), source.Tags.Count);
            foreach (var tag in source.Tags)
            {
                NearProportion(tags.GetProperty(tag.Tag), tag.Rate, $"{source.Source} tag {tag.Tag}");
            }
        }

        Assert.Equal(reference.GetProperty("fleiss").GetProperty("items").GetInt32(), report.Agreement.Fleiss.Items);
        Assert.True(report.Agreement.Fleiss.Items > 10);
        Near(reference.GetProperty("fleiss").GetProperty("kappa"), report.Agreement.Fleiss.Kappa, "Fleiss kappa");

        var cohen = reference.GetProperty("cohen");
        Assert.Equal(21, report.Agreement.CohenPairs.Count);
        foreach (var pair in report.Agreement.CohenPairs)
        {
            var expected = cohen.GetProperty($"{pair.RaterA}|{pair.RaterB}");
            Near(expected.GetProperty("agreement"), pair.PercentAgreement, "Cohen agreement");
            Near(expected.GetProperty("kappa"), pair.Kappa, $"Cohen kappa {pair.RaterA}-{pair.RaterB}");
        }

        Near(reference.GetProperty("alpha_nominal").GetProperty("alpha"), report.Agreement.AlphaNominal.Alpha, "alpha nominal");
        Near(reference.GetProperty("alpha_ordinal").GetProperty("alpha"), report.Agreement.AlphaOrdinal.Alpha, "alpha ordinal");
        // Two bootstraps with different generators: the percentile ends agree only up to Monte Carlo error
        // (about 0.01 for 1000 resamples of 160 items), so this checks the method, not the random stream.
        Near(reference.GetProperty("alpha_nominal").GetProperty("lo"), report.Agreement.AlphaNominal.Interval!.Lower, "alpha nominal lower", 0.03);
        Near(reference.GetProperty("alpha_nominal").GetProperty("hi"), report.Agreement.AlphaNominal.Interval!.Upper, "alpha nominal upper", 0.03);
        Near(reference.GetProperty("alpha_ordinal").GetProperty("lo"), report.Agreement.AlphaOrdinal.Interval!.Lower, "alpha ordinal lower", 0.03);
        Near(reference.GetProperty("alpha_ordinal").GetProperty("hi"), report.Agreement.AlphaOrdinal.Interval!.Upper, "alpha ordinal upper", 0.03);

        var intra = reference.GetProperty("intra");
        Assert.Equal(intra.EnumerateObject().Count(), report.IntraRater.Count + 1);
        foreach (var result in report.IntraRater.Append(report.IntraRaterPooled))
        {
            var expected = intra.GetProperty(result.Rater);
            Assert.Equal(expected.GetProperty("pairs").GetInt32(), result.Pairs);
            Near(expected.GetProperty("agreement"), result.PercentAgreement, "intra agreement " + result.Rater);
            Near(expected.GetProperty("kappa"), result.Kappa, "intra kappa " + result.Rater);
            Near(expected.GetProperty("mad"), result.MeanAbsoluteDifference, "intra mean abs diff " + result.Rater);
        }

        var deception = reference.GetProperty("deception");
        Assert.Equal("chi-square", report.DeceptionByModel.Test);
        Assert.Equal(
            deception.GetProperty("models").EnumerateArray().Select(m => m.GetString()),
            report.DeceptionByModel.Models.Select(m => m.Model));
        var chi2 = deception.GetProperty("chi2");
        Near(chi2.GetProperty("statistic"), report.DeceptionByModel.Statistic, "chi-square statistic");
        Near(chi2.GetProperty("p"), report.DeceptionByModel.PValue, "chi-square p");
        Assert.Equal(chi2.GetProperty("dof").GetInt32(), report.DeceptionByModel.DegreesOfFreedom);
    }

    [Fact]
    public void Small_two_model_study_matches_scipy_fisher_exact()
    {
        // Two models and few answers: an expected count below 5 sends the comparison to Fisher's test.
        var rows = SyntheticRatings.Generate(raters: 3, items: 14, seed: 9)
            .Where(r => r.Source != SyntheticRatings.Models[0])
            .ToArray();

        var (report, reference) = Both(rows, bootstrap: 200);

        var deception = reference.GetProperty("deception");
        Assert.Equal(2, deception.GetProperty("models").GetArrayLength());
        Assert.Equal("fisher-exact", report.DeceptionByModel.Test);
        Near(deception.GetProperty("fisher_p"), report.DeceptionByModel.PValue, "Fisher p");
        Near(reference.GetProperty("fleiss").GetProperty("kappa"), report.Agreement.Fleiss.Kappa, "Fleiss kappa");
        Near(reference.GetProperty("alpha_ordinal").GetProperty("alpha"), report.Agreement.AlphaOrdinal.Alpha, "alpha ordinal");
    }
}
