using System.Globalization;
using Bunit;
using MelanoGans.Client.Components.Statistics;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Client.Tests.Components.Statistics;

/// <summary>The dashboard's parts on a generated study (5 raters x 60 items, three models).</summary>
public sealed class DashboardComponentTests : StudioComponentTest
{
    private static readonly IReadOnlyList<RatingRow> Rows = SyntheticRatings.Generate(raters: 5, items: 60, seed: 21, missingShare: 0.1);
    private static readonly StudyDashboard Dashboard = StudyDashboardBuilder.Build(Rows, new StatisticsOptions { BootstrapResamples = 100 });

    [Fact]
    public void Rater_table_shows_each_raters_accuracy_as_counted_from_the_rows()
    {
        var cut = Render<RaterTable>(p => p.Add(c => c.Raters, Dashboard.Report.Raters));

        var rows = cut.FindAll("[data-testid=rater-row]");
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            var rater = row.QuerySelector("td")!.TextContent;
            // Counted here, not taken from the report: first answers only, 4-6 = "real".
            var answers = Rows.Where(r => r.Rater == rater && !r.IsRepeat).ToList();
            var accuracy = 100.0 * answers.Count(r => r.IsCorrect) / answers.Count;
            var cell = row.QuerySelector("[data-testid=rater-accuracy]")!.TextContent;
            Assert.StartsWith(accuracy.ToString("0.0", CultureInfo.InvariantCulture) + "% (", cell);
        }
    }

    [Fact]
    public void Rater_table_shows_self_agreement_with_the_number_of_repeats()
    {
        var cut = Render<RaterTable>(p => p.Add(c => c.Raters, Dashboard.Report.Raters).Add(c => c.IntraRater, Dashboard.Report.IntraRater));

        foreach (var row in cut.FindAll("[data-testid=rater-row]"))
        {
            var rater = row.QuerySelector("td")!.TextContent;
            var repeats = Rows.Count(r => r.Rater == rater && r.IsRepeat);
            var cell = row.QuerySelector("[data-testid=rater-intra]")!.TextContent;
            if (repeats == 0) Assert.Equal(StatisticsFormat.Undefined, cell);
            else Assert.EndsWith($"({repeats})", cell);
        }
    }

    [Fact]
    public void A_rater_who_calls_everything_real_is_named_in_a_message_with_sensitivity_zero()
    {
        var rows = Rows.Select(r => r.Rater == "rater02" ? r with { Response = 5 } : r).ToList();
        var dashboard = StudyDashboardBuilder.Build(rows, new StatisticsOptions { BootstrapResamples = 0 });

        var messages = Render<ReportMessages>(p => p.Add(c => c.Messages, dashboard.Report.Messages));
        var table = Render<RaterTable>(p => p.Add(c => c.Raters, dashboard.Report.Raters));

        Assert.Contains(messages.FindAll("[data-testid=report-message]"), m => m.TextContent.Contains("'rater02' called every image real"));
        var row = table.FindAll("[data-testid=rater-row]").Single(r => r.QuerySelector("td")!.TextContent == "rater02");
        Assert.StartsWith("0.0% (", row.QuerySelectorAll("td")[4].TextContent);
        Assert.Equal("0.500", row.QuerySelector("[data-testid=rater-auc]")!.TextContent);
    }

    [Fact]
    public void Summary_cards_show_answers_and_the_test_against_chance()
    {
        var study = new StudyRatingsInfo(1, "Pilot", "Open", Rows.Count, 3, 5);

        var cut = Render<SummaryCards>(p => p.Add(c => c.Report, Dashboard.Report).Add(c => c.Study, study));

        Assert.Equal(Rows.Count.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=answers]").TextContent);
        Assert.Equal("3 / 5", cut.Find("[data-testid=raters-done]").TextContent);
        var correct = Rows.Where(r => !r.IsRepeat).Count(r => r.IsCorrect);
        var expected = (100.0 * correct / Rows.Count(r => !r.IsRepeat)).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Equal(expected, cut.Find("[data-testid=overall-accuracy]").TextContent);
        Assert.Contains("vs chance (50%) p\u00a0", cut.Find("[data-testid=overall-accuracy-detail]").TextContent);
    }

    [Fact]
    public void Roc_chart_draws_one_curve_per_rater_and_the_pooled_curve()
    {
        var cut = Render<RocChart>(p => p.Add(c => c.Curves, Dashboard.RocCurves));

        var curves = cut.FindAll("polyline.rater-curve");
        Assert.Equal(Rows.Select(r => r.Rater).Distinct().Count(), curves.Count);
        Assert.All(curves, c => Assert.Equal(7, c.GetAttribute("points")!.Split(' ').Length));
        Assert.Single(cut.FindAll("polyline.pooled-curve"));
        // The first point of every curve is (0, 0): bottom left of the plot.
        Assert.All(curves, c => Assert.Equal("24,296", c.GetAttribute("points")!.Split(' ')[0]));
    }

    [Fact]
    public void Artifact_bars_have_one_bar_per_tag_and_source()
    {
        var cut = Render<ArtifactBars>(p => p.Add(c => c.Sources, Dashboard.Report.Sources));

        // Counted from the rows: distinct (source, tag) pairs over first answers.
        var pairs = Rows.Where(r => !r.IsRepeat).SelectMany(r => r.Tags.Select(t => (r.Source, t))).Distinct().Count();
        Assert.Equal(pairs, cut.FindAll("rect.tag-bar").Count);
        var firstSource = Dashboard.Report.Sources.First(s => s.Tags.Count > 0);
        var top = firstSource.Tags[0];
        var bar = cut.Find($"rect.tag-bar[data-source='{firstSource.Source}'][data-tag='{top.Tag}']");
        var width = double.Parse(bar.GetAttribute("width")!, CultureInfo.InvariantCulture);
        Assert.Equal(300.0 * top.Rate.Successes / top.Rate.Trials, width, 0.01);
    }

    [Fact]
    public void Model_table_lists_each_model_by_deception_and_names_the_test()
    {
        var cut = Render<ModelTable>(p => p.Add(c => c.Comparison, Dashboard.Report.DeceptionByModel).Add(c => c.Sources, Dashboard.Report.Sources));

        var models = cut.FindAll("[data-testid=model-row] td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(SyntheticRatings.Models.Order(), models.Order());
        var rates = Dashboard.Report.DeceptionByModel.Models.ToDictionary(m => m.Model, m => m.DeceptionRate.Estimate ?? 0);
        Assert.Equal(models.OrderByDescending(m => rates[m]), models);
        Assert.StartsWith("Chi-square test across models", cut.Find("[data-testid=model-test]").TextContent);
    }

    [Fact]
    public void Time_histogram_has_a_bar_per_bin_and_counts_every_first_answer()
    {
        var cut = Render<TimeHistogramChart>(p => p.Add(c => c.Histogram, Dashboard.Time).Add(c => c.Summary, Dashboard.Report.Time));

        var bars = cut.FindAll("rect.time-bar");
        Assert.Equal(Dashboard.Time.Bins.Count, bars.Count);
        Assert.Equal(Rows.Count(r => !r.IsRepeat), bars.Sum(b => int.Parse(b.GetAttribute("data-count")!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Gallery_shows_images_where_a_url_is_known_and_a_placeholder_elsewhere()
    {
        var fakes = Dashboard.Items.Where(i => i.Truth == RatingTruth.Fake).ToList();
        var urls = new Dictionary<string, string> { [fakes[0].Item] = "/api/study-images/abc" };

        var cut = Render<ItemGallery>(p => p.Add(c => c.Items, Dashboard.Items).Add(c => c.ImageUrls, urls));

        var tiles = cut.FindAll("[data-testid=convincing-fakes] [data-testid=consensus-tile]");
        Assert.Equal(fakes.Take(12).Select(i => i.Item), tiles.Select(t => t.GetAttribute("data-item")));
        Assert.Equal("/api/study-images/abc", tiles[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.NotNull(tiles[1].QuerySelector("[data-testid=image-placeholder]"));
        Assert.Equal(fakes[0].Tags.Count, tiles[0].QuerySelectorAll("[data-testid=item-tag]").Length);
        Assert.Equal(12, cut.FindAll("[data-testid=unconvincing-reals] [data-testid=consensus-tile]").Count);

        cut.Find("[data-testid=gallery-more] button, button[data-testid=gallery-more]").Click();
        cut.WaitForAssertion(() => Assert.Equal(Math.Min(24, fakes.Count), cut.FindAll("[data-testid=convincing-fakes] [data-testid=consensus-tile]").Count));
    }

    [Fact]
    public void One_rater_leaves_agreement_undefined_and_says_why()
    {
        var rows = Rows.Where(r => r.Rater == "rater01").ToList();
        var dashboard = StudyDashboardBuilder.Build(rows, new StatisticsOptions { BootstrapResamples = 0 });

        var messages = Render<ReportMessages>(p => p.Add(c => c.Messages, dashboard.Report.Messages));
        var agreement = Render<AgreementPanel>(p => p.Add(c => c.Agreement, dashboard.Report.Agreement).Add(c => c.IntraRater, dashboard.Report.IntraRaterPooled));

        Assert.Contains(messages.FindAll("[data-testid=report-message]"), m => m.TextContent.Contains("Only one rater"));
        Assert.Equal(StatisticsFormat.Undefined, agreement.Find("[data-testid=fleiss-kappa]").TextContent);
        Assert.Equal(StatisticsFormat.Undefined, agreement.Find("[data-testid=alpha-nominal]").TextContent);
        Assert.Empty(agreement.FindAll("[data-testid=cohen-row]"));
    }

    [Fact]
    public void Agreement_panel_shows_the_prevalence_of_fakes_beside_kappa()
    {
        var cut = Render<AgreementPanel>(p => p.Add(c => c.Agreement, Dashboard.Report.Agreement).Add(c => c.IntraRater, Dashboard.Report.IntraRaterPooled));

        var first = Rows.Where(r => !r.IsRepeat).ToList();
        var prevalence = (100.0 * first.Count(r => r.Truth == RatingTruth.Fake) / first.Count).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Contains(prevalence, cut.Find("[data-testid=prevalence]").TextContent);
        Assert.Equal(10, cut.FindAll("[data-testid=cohen-row]").Count);
        Assert.Matches(@"^-?\d\.\d{3}$", cut.Find("[data-testid=fleiss-kappa]").TextContent);
    }
}
