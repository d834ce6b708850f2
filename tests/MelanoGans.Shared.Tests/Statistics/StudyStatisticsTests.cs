using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class StudyStatisticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RatingRow Answer(string rater, string item, RatingTruth truth, int response, string? source = null, bool repeat = false, long ms = 1000, params string[] tags) =>
        new("s", rater, item, source ?? (truth == RatingTruth.Fake ? "dcgan" : "isic"), truth, response, tags, repeat, Start, Start.AddSeconds(1), ms);

    private static readonly StatisticsOptions Fast = new() { BootstrapResamples = 200, Seed = 3 };

    [Fact]
    public void Hand_checked_small_study()
    {
        // Two raters, four items (2 fake, 2 real). r1 gets all right; r2 calls everything real.
        RatingRow[] rows =
        [
            Answer("r1", "f1", RatingTruth.Fake, 1, tags: "blur"), Answer("r1", "f2", RatingTruth.Fake, 2),
            Answer("r1", "x1", RatingTruth.Real, 5), Answer("r1", "x2", RatingTruth.Real, 6),
            Answer("r2", "f1", RatingTruth.Fake, 4, tags: "blur"), Answer("r2", "f2", RatingTruth.Fake, 5, tags: "hair"),
            Answer("r2", "x1", RatingTruth.Real, 6), Answer("r2", "x2", RatingTruth.Real, 4),
            Answer("r1", "f1", RatingTruth.Fake, 3, repeat: true),
        ];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Equal(9, report.Answers);
        Assert.Equal(8, report.FirstAnswers);
        Assert.Equal(1, report.RepeatAnswers);
        Assert.Equal(0.75, report.Overall.Accuracy.Estimate);
        var r1 = report.Raters.Single(r => r.Rater == "r1");
        var r2 = report.Raters.Single(r => r.Rater == "r2");
        Assert.Equal(1.0, r1.Classification.Accuracy.Estimate);
        Assert.Equal(1.0, r1.Auc);
        Assert.Equal(0.0, r2.Classification.Sensitivity.Estimate);
        Assert.Equal(1.0, r2.Classification.DeceptionRate.Estimate);
        // r2's scores 7 - response: fakes {3, 2}, reals {1, 3}: pairs 3>1, 3=3 (half), 2>1, 2<3 -> 2.5 / 4.
        Assert.Equal(0.625, r2.Auc!.Value, 12);
        Assert.Contains(report.Messages, m => m.Contains("'r2' called every image real", StringComparison.Ordinal));
        // Cohen: r1 calls F F R R, r2 calls R R R R: p_o = 0.5, p_e = 0.5 * 1 = 0.5, kappa = 0.
        var pair = Assert.Single(report.Agreement.CohenPairs);
        Assert.Equal(0.0, pair.Kappa!.Value, 12);
        Assert.Equal(0.5, pair.PrevalenceOfFakes);
        Assert.Equal(0.5, report.Agreement.PrevalenceOfFakes);
        // Tags on dcgan: "blur" on 2 of 4 answers, "hair" on 1.
        var dcgan = report.Sources.Single(s => s.Source == "dcgan");
        Assert.Equal(RatingTruth.Fake, dcgan.Truth);
        Assert.Equal(["blur", "hair"], dcgan.Tags.Select(t => t.Tag));
        Assert.Equal(0.5, dcgan.Tags[0].Rate.Estimate);
        var intra = Assert.Single(report.IntraRater);
        Assert.Equal(1, intra.Pairs);
        Assert.Equal(1.0, intra.PercentAgreement);
        Assert.Equal(2.0, intra.MeanAbsoluteDifference);
        Assert.Null(intra.Kappa); // one pair, both "fake": expected agreement 1
        Assert.Equal("none", report.DeceptionByModel.Test);
    }

    [Fact]
    public void One_rater_gives_defined_results_and_a_message()
    {
        RatingRow[] rows = [Answer("r1", "f1", RatingTruth.Fake, 2), Answer("r1", "x1", RatingTruth.Real, 5)];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Equal(1.0, report.Overall.Accuracy.Estimate);
        Assert.Empty(report.Agreement.CohenPairs);
        Assert.Null(report.Agreement.Fleiss.Kappa);
        Assert.Null(report.Agreement.AlphaNominal.Alpha);
        Assert.Contains(report.Messages, m => m.StartsWith("Only one rater", StringComparison.Ordinal));
    }

    [Fact]
    public void Items_rated_by_one_rater_only_are_left_out_of_agreement()
    {
        RatingRow[] rows =
        [
            Answer("r1", "f1", RatingTruth.Fake, 2), Answer("r2", "f1", RatingTruth.Fake, 2),
            Answer("r1", "x1", RatingTruth.Real, 5), Answer("r2", "x1", RatingTruth.Real, 5),
            Answer("r1", "only", RatingTruth.Real, 1),
        ];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Equal(2, report.Agreement.Fleiss.Items);
        Assert.Equal(1.0, report.Agreement.Fleiss.Kappa);
        Assert.Equal(2, report.Agreement.AlphaNominal.PairableUnits);
        Assert.Equal(1.0, report.Agreement.AlphaNominal.Alpha!.Value, 12);
        Assert.Contains(report.Messages, m => m.StartsWith("1 items were rated by one rater only", StringComparison.Ordinal));
    }

    [Fact]
    public void No_fakes_leaves_fake_statistics_undefined()
    {
        RatingRow[] rows = [Answer("r1", "x1", RatingTruth.Real, 5), Answer("r2", "x1", RatingTruth.Real, 2)];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Null(report.Overall.Sensitivity.Estimate);
        Assert.Null(report.Overall.DeceptionRate.Lower);
        Assert.Null(report.OverallAuc);
        Assert.Empty(report.DeceptionByModel.Models);
        Assert.Contains(report.Messages, m => m.StartsWith("There are no fake items", StringComparison.Ordinal));
    }

    [Fact]
    public void Perfect_agreement_on_one_category_is_undefined_with_a_message()
    {
        RatingRow[] rows =
        [
            Answer("r1", "f1", RatingTruth.Fake, 5), Answer("r2", "f1", RatingTruth.Fake, 5), Answer("r3", "f1", RatingTruth.Fake, 5),
            Answer("r1", "x1", RatingTruth.Real, 5), Answer("r2", "x1", RatingTruth.Real, 5), Answer("r3", "x1", RatingTruth.Real, 5),
        ];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Null(report.Agreement.Fleiss.Kappa);
        Assert.Equal(1.0, report.Agreement.Fleiss.ObservedAgreement);
        Assert.Equal(3, report.Agreement.CohenPairs.Count);
        Assert.All(report.Agreement.CohenPairs, p => Assert.Null(p.Kappa));
        Assert.All(report.Agreement.CohenPairs, p => Assert.Equal(1.0, p.PercentAgreement));
        Assert.Null(report.Agreement.AlphaNominal.Alpha);
        Assert.Null(report.Agreement.AlphaOrdinal.Alpha);
        Assert.Contains(report.Messages, m => m.StartsWith("Fleiss' kappa is undefined", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.StartsWith("Krippendorff's nominal alpha is undefined", StringComparison.Ordinal));
    }

    [Fact]
    public void Perfect_agreement_on_both_categories_is_one()
    {
        RatingRow[] rows =
        [
            Answer("r1", "f1", RatingTruth.Fake, 1), Answer("r2", "f1", RatingTruth.Fake, 1),
            Answer("r1", "x1", RatingTruth.Real, 6), Answer("r2", "x1", RatingTruth.Real, 6),
        ];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Equal(1.0, report.Agreement.Fleiss.Kappa!.Value, 12);
        Assert.Equal(1.0, report.Agreement.CohenPairs[0].Kappa!.Value, 12);
        Assert.Equal(1.0, report.Agreement.AlphaOrdinal.Alpha!.Value, 12);
    }

    [Fact]
    public void Rater_who_saw_one_class_only_has_no_AUC_and_a_message()
    {
        RatingRow[] rows =
        [
            Answer("r1", "f1", RatingTruth.Fake, 2), Answer("r1", "x1", RatingTruth.Real, 5),
            Answer("r2", "x1", RatingTruth.Real, 4),
        ];

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Null(report.Raters.Single(r => r.Rater == "r2").Auc);
        Assert.Contains(report.Messages, m => m.StartsWith("AUC is undefined for 1 raters", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_table_does_not_throw()
    {
        var report = StudyStatistics.Compute([], Fast);

        Assert.Equal(0, report.Answers);
        Assert.Null(report.Overall.Accuracy.Estimate);
        Assert.Null(report.Time.MedianMs);
        Assert.Contains(report.Messages, m => m.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Small_two_model_table_uses_Fisher()
    {
        // dcgan fools 0 of 4 answers, ddgan 3 of 4: expected counts 1.5 < 5, so Fisher's exact test:
        // [[0, 4], [3, 1]]: hypergeometric probabilities 5, 30, 30, 5 (/70); the tables at most as likely as
        // the observed one (5/70) are the two ends, p = 10/70.
        var rows = new List<RatingRow>();
        for (var i = 0; i < 4; i++)
        {
            rows.Add(Answer("r1", $"d{i}", RatingTruth.Fake, 2, "dcgan"));
            rows.Add(Answer("r1", $"g{i}", RatingTruth.Fake, i == 0 ? 2 : 5, "ddgan"));
        }

        var report = StudyStatistics.Compute(rows, Fast);

        Assert.Equal("fisher-exact", report.DeceptionByModel.Test);
        Assert.Equal(10.0 / 70, report.DeceptionByModel.PValue!.Value, 12);
    }

    [Fact]
    public void Report_is_deterministic_and_round_trips_through_System_Text_Json()
    {
        var rows = SyntheticRatings.Generate(raters: 6, items: 80, seed: 5, missingShare: 0.2);

        var first = StudyStatistics.Compute(rows, Fast);
        var second = StudyStatistics.Compute(rows, Fast);
        var json = JsonSerializer.Serialize(first);
        var back = JsonSerializer.Deserialize<StudyReport>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(second));
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.Contains("\"Level\":\"Ordinal\"", json, StringComparison.Ordinal);
        Assert.NotNull(first.Agreement.AlphaOrdinal.Interval?.Lower);
    }
}
