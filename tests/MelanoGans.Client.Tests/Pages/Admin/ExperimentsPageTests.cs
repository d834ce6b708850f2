using Bunit;
using MelanoGans.Client.Pages.Admin;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
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
        Services.AddSingleton<IDatasetCatalog>(new FakeDatasetCatalog());
        Services.AddSingleton<IModelCatalog>(new FakeModelCatalog());
        SignInAs("admin", Roles.Admin);
    }

    [Fact]
    public void Without_results_the_page_says_how_to_get_one()
    {
        var cut = Render<ExperimentsPage>();

        Assert.Contains("No results yet", cut.Find("[data-testid=empty-state]").TextContent);
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

    [Fact]
    public void A_running_experiment_shows_each_classifier_as_it_finishes_and_then_its_stored_result()
    {
        var job = Job(7, TrainingJobState.Running, step: 30, total: 120);
        _experiments.Jobs.Add(job);
        _experiments.Runs[7] = [Run("full", 0, 0.91)];

        var cut = Render<ExperimentsPage>();
        cut.WaitForElement("[data-testid=experiment-live-table]");
        Assert.Equal(["full"], cut.FindAll("[data-testid=experiment-live-row]").Select(r => r.GetAttribute("data-arm")));
        Assert.Equal("30", cut.Find("[data-testid=experiment-job-progress]").GetAttribute("data-step"));

        Events.Publish(new TrainingUpdate(job with { Step = 60 }, null, null, false, Run("imbalanced", 0, 0.52)));
        cut.WaitForAssertion(() => Assert.Equal(["full", "imbalanced"],
            cut.FindAll("[data-testid=experiment-live-row]").Select(r => r.GetAttribute("data-arm"))));
        Assert.Equal("60", cut.Find("[data-testid=experiment-job-progress]").GetAttribute("data-step"));
        Assert.Contains("0.520", cut.FindAll("[data-testid=experiment-live-row]")[1].TextContent);

        // The worker uploaded results.json: the page shows the stored result without a reload.
        var result = SampleExperimentResult.Create();
        _experiments.Stored.Add((new ExperimentResultSummary(3, job.Title, "imbalance", result.Dataset, 3, 2, result.FinishedAt, "admin", result.FinishedAt), result));
        Events.Publish(new TrainingUpdate(job with { State = TrainingJobState.Succeeded, Step = 120, ExperimentResultId = 3 }, null, null, false));
        cut.WaitForElement("[data-testid=experiment-table]");
        Assert.Contains("Succeeded", cut.Find("[data-testid=job-state]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=experiment-job-cancel]"));
    }

    [Fact]
    public void A_result_is_deleted_only_after_a_second_click()
    {
        var result = SampleExperimentResult.Create();
        _experiments.Stored.Add((new ExperimentResultSummary(4, "pilot", "imbalance", result.Dataset, 3, 2, result.FinishedAt, "admin", result.FinishedAt), result));
        var cut = Render<ExperimentsPage>();
        cut.WaitForElement("[data-testid=experiment-detail]");
        Assert.Equal(["api/experiments/4/results.json", "api/experiments/4/results.md", "api/experiments/4/results.svg"],
            cut.FindAll("[data-testid=experiment-download]").Select(a => a.GetAttribute("href")));

        cut.Find("[data-testid=experiment-delete]").Click();
        Assert.Single(_experiments.Stored);
        cut.Find("[data-testid=experiment-delete-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Empty(_experiments.Stored));
        cut.WaitForAssertion(() => Assert.Contains("No results yet", cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=experiment-detail]"));
    }

    private static TrainingJobSummary Job(long id, TrainingJobState state, long step, long total) => new(
        id, "Imbalance experiment on Phantom", new TrainingJobOptions { Experiment = new ExperimentJobOptions() }, state, "local", "cpu",
        step, total, 0, 100, 12, null, null, false, 0, "Training the classifier of \"full real\", seed 0.",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, WorkerJobKind.Experiment, 1);

    private static ExperimentRunReport Run(string arm, long seed, double accuracy) => new(
        arm, arm + " real", seed, SampleExperimentResult.Metrics.ToDictionary(m => m, _ => accuracy), 1.5, 30, 0, 100);
}
