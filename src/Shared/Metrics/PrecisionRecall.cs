namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Improved precision and recall (Kynkäänniemi, Karras, Laine, Lehtinen, Aila 2019). Each set's manifold is the union
/// of closed balls around its rows, each ball's radius the Euclidean distance to that row's k-th nearest other row of
/// the same set. Precision is the share of generated rows inside the real manifold (distance &lt;= radius, as in the
/// paper and NVlabs' implementation); recall is the share of real rows inside the generated manifold. Distances are
/// Euclidean on the raw features, in float64.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>Precision and recall with neighbourhood size <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentException">A set with k rows or fewer, different column counts, or a non-finite feature.</exception>
    public static PrecisionRecallResult Compute(FeatureMatrix real, FeatureMatrix fake, int k = 3)
    {
        MetricInputs.Require(real, "real", 2);
        MetricInputs.Require(fake, "generated", 2);
        MetricInputs.RequireSameColumns(real, "real", fake, "generated");
        MetricInputs.RequireNeighbours(k, real, "real");
        MetricInputs.RequireNeighbours(k, fake, "generated");
        return NeighbourhoodMetrics.Compute(real, fake, k, null).PrecisionRecall!;
    }
}
