namespace MelanoGans.Shared.Statistics;

/// <summary>A proportion with its Wilson score interval; the numbers are null when there are no trials.</summary>
/// <param name="Successes">How many trials counted as a success.</param>
/// <param name="Trials">How many trials there were.</param>
/// <param name="Estimate">Successes / trials.</param>
/// <param name="Lower">Lower end of the Wilson interval.</param>
/// <param name="Upper">Upper end of the Wilson interval.</param>
public sealed record ProportionEstimate(int Successes, int Trials, double? Estimate, double? Lower, double? Upper);
