namespace MelanoGans.Shared.Contracts;

/// <summary>One classifier of one arm, evaluated on the real test split.</summary>
/// <param name="Seed">Seed of the removed melanomas, weights, data order and synthetic latents.</param>
/// <param name="Metrics">Metric name to value: accuracy, balanced_accuracy, sensitivity, specificity, auc (melanoma = positive).</param>
/// <param name="Seconds">Wall time of training and evaluation.</param>
public sealed record ExperimentSeedRun(long Seed, IReadOnlyDictionary<string, double> Metrics, double Seconds);
