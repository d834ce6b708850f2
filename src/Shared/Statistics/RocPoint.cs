namespace MelanoGans.Shared.Statistics;

/// <summary>One operating point of a ROC curve: the rates when every score at or above a threshold is called fake.</summary>
/// <param name="Threshold">Score threshold (score = 7 - response; 6 = definitely fake); 7 calls nothing fake.</param>
/// <param name="FalsePositiveRate">Reals called fake at this threshold / reals.</param>
/// <param name="TruePositiveRate">Fakes called fake at this threshold / fakes.</param>
public sealed record RocPoint(int Threshold, double FalsePositiveRate, double TruePositiveRate);
