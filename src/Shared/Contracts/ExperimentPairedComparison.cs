namespace MelanoGans.Shared.Contracts;

/// <summary>
/// An arm against the imbalanced baseline on one metric, paired by seed (same removed melanomas, same weight seed):
/// the mean of (arm - baseline) and a two-sided paired t-test.
/// </summary>
/// <param name="MeanDifference">Mean over seeds of arm minus baseline.</param>
/// <param name="SdDifference">Sample standard deviation of the differences.</param>
/// <param name="T">t statistic; null when it is undefined (fewer than two seeds, or all differences equal).</param>
/// <param name="PValue">Two-sided p-value with n - 1 degrees of freedom; null when <paramref name="T"/> is.</param>
public sealed record ExperimentPairedComparison(double MeanDifference, double SdDifference, double? T, double? PValue);
