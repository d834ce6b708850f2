using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class ProtocolStatisticsTests
{
    private static readonly StatisticsOptions NoBootstrap = new() { BootstrapResamples = 0 };

    private static readonly IReadOnlyList<RatingRow> Plain = SyntheticRatings.Generate(raters: 4, items: 40, seed: 3);

    private static string Json(StudyReport report) =>
        StudyReportJson.Serialize(report with { Answers = 0, Messages = [], Protocol = report.Protocol with { PracticeAnswers = 0, CatchAnswers = 0, Catch = [] } });

    [Fact]
    public void Practice_rows_never_count()
    {
        // Practice answers, all wrong, on the study's own items: nothing but the practice count may change.
        var practice = Plain.Take(30).Select(r => r with { IsPractice = true, Response = r.Truth == RatingTruth.Fake ? 6 : 1 }).ToArray();

        var without = StudyStatistics.Compute(Plain, NoBootstrap);
        var with = StudyStatistics.Compute([.. Plain, .. practice], NoBootstrap);

        Assert.Equal(30, with.Protocol.PracticeAnswers);
        Assert.Equal(Json(without), Json(with));
        Assert.Contains("30 practice answers were left out: practice never counts.", with.Messages);
    }

    [Fact]
    public void Catch_rows_count_only_in_catch_accuracy()
    {
        var catchRows = Enumerable.Range(0, 10).Select(i => Plain[i] with
        {
            Item = $"catch{i}", Source = i % 2 == 0 ? "noise" : "isic2017", Truth = i % 2 == 0 ? RatingTruth.Fake : RatingTruth.Real,
            Response = i < 7 ? (i % 2 == 0 ? 1 : 6) : (i % 2 == 0 ? 6 : 1), IsCatch = true,
        }).ToArray();
        var rater = catchRows[0].Rater;
        Assert.All(catchRows, r => Assert.Equal(rater, r.Rater));

        var without = StudyStatistics.Compute(Plain, NoBootstrap);
        var with = StudyStatistics.Compute([.. Plain, .. catchRows], NoBootstrap);

        Assert.Equal(Json(without), Json(with));
        Assert.Equal(10, with.Protocol.CatchAnswers);
        var accuracy = Assert.Single(with.Protocol.Catch);
        Assert.Equal(rater, accuracy.Rater);
        Assert.Equal((7, 10), (accuracy.Accuracy.Successes, accuracy.Accuracy.Trials));
        Assert.False(accuracy.Excluded);
    }

    [Fact]
    public void Excluding_a_rater_changes_the_statistics_and_says_so()
    {
        var rows = SyntheticProtocolRatings.Generate(raters: 4, items: 40, seed: 5);
        var all = StudyStatistics.Compute(rows, NoBootstrap);

        var excluded = StudyStatistics.Compute(rows, NoBootstrap with { ExcludedRaters = ["rater04", "nobody"] });

        var leftOut = rows.Count(r => r.Rater == "rater04");
        Assert.Equal([new RaterExclusion("nobody", 0), new RaterExclusion("rater04", leftOut)], excluded.Protocol.Exclusions);
        Assert.Contains($"Rater 'rater04' is excluded: {leftOut} rows left out of every statistic but catch accuracy.", excluded.Messages);
        Assert.Contains("Rater 'nobody' is excluded but has no rows in the table.", excluded.Messages);
        Assert.Equal(4, all.RaterCount);
        Assert.Equal(3, excluded.RaterCount);
        Assert.DoesNotContain(excluded.Raters, r => r.Rater == "rater04");
        Assert.NotEqual(all.Overall.Accuracy.Successes, excluded.Overall.Accuracy.Successes);
        Assert.NotEqual(all.Protocol.HypeInfinity.Overall.Answers, excluded.Protocol.HypeInfinity.Overall.Answers);
        Assert.DoesNotContain(excluded.Protocol.HypeTime.Raters, r => r.Rater == "rater04");
        Assert.DoesNotContain(excluded.Protocol.Paired.Raters, r => r.Name == "rater04");
        // Catch accuracy still lists the excluded rater: it is why a lead excludes one.
        Assert.True(excluded.Protocol.Catch.Single(c => c.Rater == "rater04").Excluded);
        Assert.Empty(all.Protocol.Exclusions);
    }

    [Fact]
    public void The_dashboard_report_equals_the_stats_report_with_protocols_and_exclusions()
    {
        var rows = SyntheticProtocolRatings.Generate(raters: 3, items: 30, seed: 8);
        var options = new StatisticsOptions { BootstrapResamples = 50, ExcludedRaters = ["rater02"] };

        Assert.Equal(
            StudyReportJson.Serialize(StudyStatistics.Compute(rows, options)),
            StudyReportJson.Serialize(StudyDashboardBuilder.Build(rows, options).Report));
    }

    [Fact]
    public void Fixed_exposure_answers_score_their_own_rate_beside_their_measured_exposures()
    {
        // The worked example of HYPE∞ under a time limit: 8 of 10 fakes called fake, 9 of 10 reals called real: 3 errors in 20.
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 20).Select(i => new RatingRow(
            "s", "r1", $"item{i}", i < 10 ? "ddgan" : "isic", i < 10 ? RatingTruth.Fake : RatingTruth.Real,
            i < 8 ? 1 : i < 10 ? 5 : i < 19 ? 6 : 2, [], false, start, start, 1000, RatingMode.Fixed, i % 4 == 0 ? 517 : 500)).ToList();
        rows.Add(rows[0] with { Item = "untimed", Mode = RatingMode.Untimed, ExposureMs = null });

        var protocol = StudyStatistics.Compute(rows, NoBootstrap).Protocol;

        Assert.Equal((20, 3, 0.15), (protocol.FixedExposure.Scores.Overall.Answers, protocol.FixedExposure.Scores.Overall.Errors, protocol.FixedExposure.Scores.Overall.ErrorRate));
        Assert.Equal(["ddgan", "isic"], protocol.FixedExposure.Scores.Sources.Select(s => s.Name));
        Assert.Equal((0.2, 0.1), (protocol.FixedExposure.Scores.Sources[0].ErrorRate, protocol.FixedExposure.Scores.Sources[1].ErrorRate));
        Assert.Equal(1, protocol.HypeInfinity.Overall.Answers);
        var exposure = protocol.FixedExposure.Exposure;
        Assert.Equal((20, 500, 500.0, 517), (exposure.Answers, exposure.MinMs, exposure.MedianMs, exposure.MaxMs));
        Assert.Equal([new ExposureCount(500, 15), new ExposureCount(517, 5)], exposure.Counts);
    }

    [Fact]
    public void Paired_trials_and_the_worked_examples()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var trials = Enumerable.Range(0, 40).Select(i => new RatingRow(
            "s", "r1", $"pair{i}", "ddgan", RatingTruth.Fake, RatingRow.NoResponse, [], false, start, start, 1000,
            RatingMode.Paired, null, false, false, i < 14 ? RatingTruth.Fake : RatingTruth.Real)).ToArray();

        var report = StudyStatistics.Compute(trials, NoBootstrap);

        var paired = report.Protocol.Paired.Overall;
        Assert.Equal(0.35, paired.Deception.Estimate);
        Assert.Equal(0.081, paired.VersusChance.PValue!.Value, 3);
        Assert.Equal(0, report.FirstAnswers);
        Assert.DoesNotContain(report.Messages, m => m.Contains("outside 1-6", StringComparison.Ordinal));
    }
}
