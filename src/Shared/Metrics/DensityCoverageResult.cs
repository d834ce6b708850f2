namespace MelanoGans.Shared.Metrics;

/// <summary>Density and coverage (Naeem et al. 2020).</summary>
/// <param name="Density">Mean number of real k-NN balls holding a generated row, divided by k (1 when the generated rows are spread like the real ones; can exceed 1).</param>
/// <param name="Coverage">Share of real rows whose k-NN ball holds at least one generated row (0-1).</param>
/// <param name="K">The neighbourhood size of the real balls.</param>
public sealed record DensityCoverageResult(double Density, double Coverage, int K);
