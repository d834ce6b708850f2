using Bunit;
using MelanoGans.Client.Pages.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Studies;

public sealed class StatisticsPagesTests : StudioComponentTest
{
    private readonly FakeStudyStatistics _statistics;
    private readonly FakeModelMetrics _metrics = new();

    public StatisticsPagesTests()
    {
        _statistics = new FakeStudyStatistics(Events);
        Services.AddSingleton<IStudyStatistics>(_statistics);
        Services.AddSingleton<IModelMetrics>(_metrics);
        Services.AddSingleton<IStudyAdministration>(new FakeStudyAdministration { OnExclusion = _statistics.Exclude });
        SignInAs("lena", Roles.Lead);
    }

    [Fact]
    public void Without_studies_the_list_says_so()
    {
        var cut = Render<StatisticsPage>();

        Assert.Contains("No studies yet", cut.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public void The_list_links_each_study_with_its_answer_count()
    {
        var rows = SyntheticRatings.Generate(3, 20, seed: 1).ToList();
        _statistics.Studies.Add((new StudyRatingsInfo(7, "Pilot", "Open", rows.Count, 1, 3), rows));

        var cut = Render<StatisticsPage>();

        Assert.Equal("statistics/7", cut.Find("[data-testid=study-link]").GetAttribute("href"));
        Assert.Equal(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=study-answers]").TextContent);
    }

    [Fact]
    public void The_dashboard_shows_each_models_generator_metrics_beside_its_deception_rate()
    {
        var rows = SyntheticRatings.Generate(4, 60, seed: 2).ToList();
        _statistics.Studies.Add((new StudyRatingsInfo(4, "Pilot", "Open", rows.Count, 2, 4), rows));
        _metrics.Latest.Add(FakeModelMetrics.Metrics(5, "lapgan", fd: 41.04));

        var cut = Render<StudyDashboardPage>(p => p.Add(c => c.StudyId, 4));
        cut.WaitForElement("[data-testid=dashboard]");

        var lapgan = cut.FindAll("[data-testid=model-row]").Single(r => r.TextContent.Contains("lapgan"));
        Assert.Equal("41.04", lapgan.QuerySelector("[data-testid=model-metric-fd]")!.TextContent);
        Assert.All(cut.FindAll("[data-testid=model-row]").Where(r => !r.TextContent.Contains("lapgan")),
            r => Assert.Equal("—", r.QuerySelector("[data-testid=model-metric-fd]")!.TextContent));
        Assert.Contains("resnet18", cut.Find("[data-testid=model-metrics-note]").TextContent);
    }

    [Fact]
    public void The_dashboard_rerenders_when_an_answer_is_recorded_for_its_study()
    {
        var rows = SyntheticRatings.Generate(5, 60, seed: 9).ToList();
        _statistics.Studies.Add((new StudyRatingsInfo(3, "Pilot", "Open", rows.Count, 2, 5), rows));
        var cut = Render<StudyDashboardPage>(p => p.Add(c => c.StudyId, 3));
        cut.WaitForElement("[data-testid=dashboard]");
        Assert.Equal(5, cut.FindAll("[data-testid=rater-row]").Count);
        Assert.Equal("api/studies/3/statistics.json", cut.Find("a[data-testid=export-statistics], [data-testid=export-statistics]").GetAttribute("href"));

        // A sixth rater answers: the page learns it only through the event.
        var template = rows[0];
        var before = rows.Count;
        _statistics.Record(3, template with { Rater = "rater99", Response = template.Truth == RatingTruth.Fake ? 1 : 6 });

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("[data-testid=rater-row]").Count));
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=dashboard]").GetAttribute("data-answers"));
    }

    [Fact]
    public void An_upscaling_override_is_a_warning_on_the_dashboard_and_a_like_for_like_study_has_none()
    {
        var rows = SyntheticRatings.Generate(3, 20, seed: 2).ToList();
        const string warning = "Not like-for-like: the fakes from dcgan-64 would be upscaled from 64 to 256 px, a visible giveaway. Allowed by lena";
        _statistics.Studies.Add((new StudyRatingsInfo(3, "Upscaled", "Open", rows.Count, 1, 3, warning), rows));
        _statistics.Studies.Add((new StudyRatingsInfo(4, "Like for like", "Open", rows.Count, 1, 3), rows));

        var upscaled = Render<StudyDashboardPage>(p => p.Add(c => c.StudyId, 3));
        var plain = Render<StudyDashboardPage>(p => p.Add(c => c.StudyId, 4));

        upscaled.WaitForAssertion(() => Assert.Equal(warning, upscaled.Find("[data-testid=presentation-warning]").TextContent.Trim()));
        Assert.Equal("api/studies/3/presentation.json",
            upscaled.Find("a[data-testid=export-presentation], [data-testid=export-presentation]").GetAttribute("href"));
        plain.WaitForElement("[data-testid=dashboard]");
        Assert.Empty(plain.FindAll("[data-testid=presentation-warning]"));
    }

    [Fact]
    public void An_unknown_study_shows_an_empty_state()
    {
        var cut = Render<StudyDashboardPage>(p => p.Add(c => c.StudyId, 42));

        cut.WaitForAssertion(() => Assert.Contains("No such study", cut.Find("[data-testid=empty-state]").TextContent));
    }

    [Fact]
    public void The_dashboard_flags_careless_raters_excludes_one_on_the_leads_action_and_shows_the_protocol_scores()
    {
        var rows = SyntheticProtocolRatings.Generate(raters: 4, items: 80, seed: 6).ToList();
        _statistics.Studies.Add((new StudyRatingsInfo(5, "Protocols", "Open", rows.Count, 0, 4), rows));

        var cut = Render<StudyDashboardPage>(p => p.Add(c => c.StudyId, 5));
        cut.WaitForElement("[data-testid=dashboard]");

        Assert.StartsWith("HYPE∞ ", cut.Find("[data-testid=hype-infinity]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(" ms", cut.Find("[data-testid=hype-time]").TextContent, StringComparison.Ordinal);
        Assert.Contains("fake chosen as real", cut.Find("[data-testid=paired-choice]").TextContent, StringComparison.Ordinal);
        var careless = cut.Find("[data-testid=rater-exclusion-row][data-rater=rater04]");
        Assert.NotNull(careless.QuerySelector("[data-testid=flagged-chip]"));
        Assert.Equal(4, cut.FindAll("[data-testid=rater-row]").Count);

        cut.Find("[data-testid=rater-exclusion-row][data-rater=rater04] [data-testid=exclusion-toggle]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=rater-row]").Count));
        var chip = cut.Find("[data-testid=rater-exclusion-row][data-rater=rater04] [data-testid=excluded-chip]").TextContent;
        Assert.Contains("Excluded by lena, 2026-12-02 09:00 UTC", chip, StringComparison.Ordinal);
        Assert.Contains($"{rows.Count(r => r.Rater == "rater04")} rows left out", chip, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=report-message]"), m => m.TextContent.Contains("Rater 'rater04' is excluded", StringComparison.Ordinal));

        cut.Find("[data-testid=rater-exclusion-row][data-rater=rater04] [data-testid=exclusion-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=rater-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=excluded-chip]"));
    }
}
