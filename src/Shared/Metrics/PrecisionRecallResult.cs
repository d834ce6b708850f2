namespace MelanoGans.Shared.Metrics;

/// <summary>Improved precision and recall (Kynkäänniemi et al. 2019).</summary>
/// <param name="Precision">Share of generated rows inside the real manifold (0-1).</param>
/// <param name="Recall">Share of real rows inside the generated manifold (0-1).</param>
/// <param name="K">The neighbourhood size that defined the manifolds.</param>
public sealed record PrecisionRecallResult(double Precision, double Recall, int K);
