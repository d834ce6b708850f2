namespace MelanoGans.Shared.Statistics;

/// <summary>The two-sided exact binomial test of a proportion against 0.5.</summary>
/// <param name="Successes">Correct answers.</param>
/// <param name="Trials">All answers.</param>
/// <param name="PValue">Two-sided p-value; null when there are no trials.</param>
public sealed record BinomialTestResult(int Successes, int Trials, double? PValue);
