using System.Globalization;
using System.Text;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Experiments;

/// <summary>results.md: the study's table (one row per training set, four decimals) plus the paired comparison.</summary>
public static class ExperimentTable
{
    /// <summary>Its file name in a run directory.</summary>
    public const string FileName = "results.md";

    public static string Markdown(ImbalanceExperimentResult result)
    {
        var text = new StringBuilder();
        var names = result.MetricNames;
        text.Append(CultureInfo.InvariantCulture, $"""
            ## Class-imbalance experiment

            Dataset `{result.Dataset}` at {result.Resolution}x{result.Resolution}. Test split (real, shared by every arm): {result.Split.TestMelanoma} melanomas + {result.Split.TestOther} others.
            Imbalanced arms: {result.Split.RemovedMelanoma} of {result.Split.TrainMelanoma} training melanomas removed ({result.RemoveFraction:0.###}).
            Classifier: small ResNet, width {result.Width}, {result.Steps} steps of {result.Batch}, Adam lr {result.Lr:G3}; {result.Seeds.Count} seeds.
            Values are mean ± sd over seeds (min-max in results.json); melanoma is the positive class.


            """);
        text.Append("| training data | melanomas (real + synthetic) | others | ");
        text.AppendJoin(" | ", names.Select(ClassifierMetrics.Display));
        text.Append(" |\n|---|---|---|");
        text.Append(string.Concat(names.Select(_ => "---|")));
        text.Append('\n');
        foreach (var arm in result.Arms)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {arm.Label} | {arm.TrainMelanoma} + {arm.SyntheticMelanoma} | {arm.TrainOther} | ");
            text.AppendJoin(" | ", names.Select(m => MeanSd(arm.Metrics[m])));
            text.Append(" |\n");
        }

        text.Append("\nPaired by seed against imbalanced real: mean difference (two-sided paired t-test p).\n\n| training data | ");
        text.AppendJoin(" | ", names.Select(m => "Δ " + ClassifierMetrics.Display(m)));
        text.Append(" |\n|---|");
        text.Append(string.Concat(names.Select(_ => "---|")));
        text.Append('\n');
        foreach (var arm in result.Arms.Where(a => a.Comparison is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {arm.Label} | ");
            text.AppendJoin(" | ", names.Select(m => Difference(arm.Comparison![m])));
            text.Append(" |\n");
        }

        foreach (var arm in result.Arms.Where(a => a.Warning is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n⚠ {arm.Label}: {arm.Warning}\n");
        }

        return text.ToString();
    }

    /// <summary>"0.8125 ± 0.0000": a metric over seeds, four decimals as the study's table.</summary>
    public static string MeanSd(ExperimentMetricSummary m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Mean:0.0000} ± {m.Sd:0.0000}");

    /// <summary>"+0.1250 (p 0.013)": a paired difference against the imbalanced arm.</summary>
    public static string Difference(ExperimentPairedComparison c) => c.PValue is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{c.MeanDifference:+0.0000;-0.0000;0.0000} (p {p:0.000})")
        : string.Create(CultureInfo.InvariantCulture, $"{c.MeanDifference:+0.0000;-0.0000;0.0000} (p n/a)");
}
