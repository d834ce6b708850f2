using Bunit;
using MelanoGans.Client.Pages.Admin;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Experiments;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Admin;

public sealed class ExperimentsPageTests : StudioComponentTest
{
    private readonly FakeExperimentResults _experiments = new();

    public ExperimentsPageTests()
    {
        Services.AddSingleton<IExperimentResults>(_experiments);
        SignInAs("admin", Roles.Admin);
    }

    [Fact]
    public void Without_results_the_page_says_how_to_get_one()
    {
        var cut = Render<ExperimentsPage>();

        Assert.Contains("No experiments yet", cut.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public void The_table_shows_every_arm_and_metric_with_the_paired_comparison_and_a_bar_per_arm_and_metric()
    {
        var result = SampleExperimentResult.Create();
        _experiments.Stored.Add((new ExperimentResultSummary(4, "pilot", "imbalance", result.Dataset, 3, 2,
            result.FinishedAt, "admin", result.FinishedAt), result));

        var cut = Render<ExperimentsPage>();
        cut.WaitForElement("[data-testid=experiment-table]");

        Assert.Equal(["accuracy", "balanced accuracy", "sensitivity", "specificity", "AUC"],
            cut.FindAll("[data-testid=experiment-metric-header]").Select(h => h.TextContent));
        var rows = cut.FindAll("[data-testid=experiment-arm-row]");
        Assert.Equal(result.Arms.Select(a => a.Name), rows.Select(r => r.GetAttribute("data-arm")));
        foreach (var (row, arm) in rows.Zip(result.Arms))
        {
            Assert.Contains(arm.Label, row.TextContent);
            var cells = row.QuerySelectorAll("[data-testid=experiment-cell]");
            Assert.Equal(result.MetricNames, cells.Select(c => c.GetAttribute("data-metric")));
            Assert.All(cells, c => Assert.Matches(@"^\d\.\d{4} ± \d\.\d{4}$", c.TextContent));
        }
        Assert.Equal("0.8050 ± 0.0071", rows[0].QuerySelector("[data-metric=auc]")!.TextContent);

        // Every arm but the baseline is compared with it.
        Assert.Equal(["balanced", "synthetic_1"],
            cut.FindAll("[data-testid=experiment-comparison-row]").Select(r => r.GetAttribute("data-arm")));
        Assert.Contains("+0.0500 (p 0.009)", cut.Find("[data-testid=experiment-comparison-row]").TextContent);

        var bars = cut.FindAll("[data-testid=experiment-bar]");
        Assert.Equal(result.Arms.Count * 2, bars.Count);
        Assert.Equal(["balanced_accuracy", "auc"], bars.Take(2).Select(b => b.GetAttribute("data-metric")));
    }
}
