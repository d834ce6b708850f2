namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Density and coverage (Naeem, Oh, Uh, Choi, Yoo 2020) with the definitions of their <c>prdc</c> package: each real
/// row has a ball whose radius is the Euclidean distance to its k-th nearest other real row. Density = (1 / k) x the
/// mean over generated rows of how many real balls hold it; coverage = the share of real rows whose ball holds the
/// nearest generated row. "Holds" is strict (distance &lt; radius) as in <c>prdc</c>. Raw features, float64.
/// </summary>
public static class DensityCoverage
{
    /// <summary>Density and coverage with neighbourhood size <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentException">A real set with k rows or fewer, a generated set under 2 rows, different column counts, or a non-finite feature.</exception>
    public static DensityCoverageResult Compute(FeatureMatrix real, FeatureMatrix fake, int k = 5)
    {
        MetricInputs.Require(real, "real", 2);
        MetricInputs.Require(fake, "generated", 2);
        MetricInputs.RequireSameColumns(real, "real", fake, "generated");
        MetricInputs.RequireNeighbours(k, real, "real");
        return NeighbourhoodMetrics.Compute(real, fake, null, k).DensityCoverage!;
    }
}
