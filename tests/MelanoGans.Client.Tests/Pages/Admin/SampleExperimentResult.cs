using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Pages.Admin;

/// <summary>A small but complete imbalance result: three arms, two seeds, every metric.</summary>
public static class SampleExperimentResult
{
    public static readonly string[] Metrics = ["accuracy", "balanced_accuracy", "sensitivity", "specificity", "auc"];

    public static ImbalanceExperimentResult Create() => new()
    {
        FinishedAt = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
        Dataset = "/data/ham10000-64",
        Resolution = 64,
        RemoveFraction = 0.8,
        TestFraction = 0.2,
        SplitSeed = 7,
        Seeds = [1, 2],
        Steps = 300,
        Batch = 32,
        Lr = 1e-3,
        Width = 16,
        Split = new ExperimentSplitSummary(400, 1600, 100, 400, 320),
        MetricNames = Metrics,
        Arms =
        [
            Arm("balanced", "balanced real", 400, 0, 0.80, comparison: 0.05),
            Arm(ImbalanceExperimentResult.BaselineArm, "imbalanced real", 80, 0, 0.75, comparison: null),
            Arm("synthetic_1", "imbalanced + DCGAN", 80, 320, 0.77, comparison: 0.02),
        ],
    };

    private static ExperimentArmResult Arm(string name, string label, int real, int synthetic, double level, double? comparison) => new()
    {
        Name = name,
        Label = label,
        Model = synthetic > 0 ? "model 1" : null,
        TrainMelanoma = real,
        SyntheticMelanoma = synthetic,
        TrainOther = 1600,
        Runs = [new ExperimentSeedRun(1, Metrics.ToDictionary(m => m, _ => level), 1.5), new ExperimentSeedRun(2, Metrics.ToDictionary(m => m, _ => level + 0.01), 1.6)],
        Metrics = Metrics.ToDictionary(m => m, _ => new ExperimentMetricSummary(level + 0.005, 0.0071, level, level + 0.01)),
        Comparison = comparison is { } d ? Metrics.ToDictionary(m => m, _ => new ExperimentPairedComparison(d, 0.001, 70.0, 0.009)) : null,
    };
}
