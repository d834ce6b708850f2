namespace MelanoGans.Shared.Contracts;

/// <summary>A metric over the seeds of one arm.</summary>
/// <param name="Mean">Mean over seeds.</param>
/// <param name="Sd">Sample standard deviation (n - 1); 0 for a single seed.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record ExperimentMetricSummary(double Mean, double Sd, double Min, double Max);
