using System.Globalization;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Components.Experiments;

/// <summary>How the Experiments page writes metric names and numbers (as results.md does: four decimals).</summary>
public static class ExperimentFormat
{
    /// <summary>Display name of a metric key of <see cref="ImbalanceExperimentResult.MetricNames"/>.</summary>
    public static string MetricName(string key) => key switch
    {
        "balanced_accuracy" => "balanced accuracy",
        "auc" => "AUC",
        _ => key.Replace('_', ' '),
    };

    public static string MeanSd(ExperimentMetricSummary m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Mean:0.0000} ± {m.Sd:0.0000}");

    public static string Difference(ExperimentPairedComparison c) => c.PValue is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{c.MeanDifference:+0.0000;-0.0000;0.0000} (p {p:0.000})")
        : string.Create(CultureInfo.InvariantCulture, $"{c.MeanDifference:+0.0000;-0.0000;0.0000} (p n/a)");

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
