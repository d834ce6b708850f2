using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;

namespace MelanoGans.Shared.Tests.Experiments;

public sealed class ExperimentTableTests
{
    [Fact]
    public void The_markdown_has_a_row_per_arm_the_paired_comparison_and_each_warning()
    {
        var summary = new ExperimentMetricSummary(0.8125, 0, 0.8125, 0.8125);
        var metrics = ClassifierMetrics.Names.ToDictionary(m => m, _ => summary);
        var comparison = ClassifierMetrics.Names.ToDictionary(m => m, _ => new ExperimentPairedComparison(0.125, 0.05, 3.0, 0.0134));
        ExperimentArmResult Arm(string name, bool baseline, string? warning = null) => new()
        {
            Name = name, Label = name + " label", TrainMelanoma = 30, SyntheticMelanoma = baseline ? 0 : 269, TrainOther = 1301,
            Runs = [], Metrics = metrics, Comparison = baseline ? null : comparison, Warning = warning,
        };
        var result = new ImbalanceExperimentResult
        {
            FinishedAt = DateTimeOffset.UnixEpoch, Dataset = "Phantom", Resolution = 64, RemoveFraction = 0.9, TestFraction = 0.2,
            SplitSeed = 0, Seeds = [0, 1, 2], Steps = 250, Batch = 32, Lr = 1e-3, Width = 16,
            Split = new ExperimentSplitSummary(299, 1301, 75, 325, 269), MetricNames = ClassifierMetrics.Names,
            Arms = [Arm(ImbalanceExperimentResult.BaselineArm, baseline: true), Arm("synthetic:x", baseline: false, warning: "it has seen the test melanomas")],
        };

        var markdown = ExperimentTable.Markdown(result);

        Assert.Contains("| training data | melanomas (real + synthetic) | others | accuracy | balanced accuracy | sensitivity | specificity | AUC |", markdown);
        Assert.Contains("| imbalanced label | 30 + 0 | 1301 | 0.8125 ± 0.0000 | 0.8125 ± 0.0000 | 0.8125 ± 0.0000 | 0.8125 ± 0.0000 | 0.8125 ± 0.0000 |", markdown);
        Assert.Contains("| synthetic:x label | +0.1250 (p 0.013) |", markdown);
        Assert.Contains("⚠ synthetic:x label: it has seen the test melanomas", markdown);
        Assert.Equal("0.0000 (p n/a)", ExperimentTable.Difference(new ExperimentPairedComparison(0, 0, null, null)));
    }
}
