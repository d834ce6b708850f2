namespace MelanoGans.Shared.Metrics;

/// <summary>
/// All generator metrics of the design's "Generator metrics" contract from precomputed features: FD, KID (subsets of
/// 1000, 100 of them, when both sets are larger), precision/recall (k = 3), density/coverage (k = 5) and, with
/// training features, the memorisation share (cosine).
/// </summary>
public static class GeneratorMetrics
{
    /// <summary>Neighbourhood size of precision and recall (Kynkäänniemi et al. 2019).</summary>
    public const int PrecisionRecallK = 3;

    /// <summary>Neighbourhood size of density and coverage (Naeem et al. 2020).</summary>
    public const int DensityCoverageK = 5;

    /// <summary>Computes every metric. Small sets shrink k to rows - 1 (reported in the result) rather than fail.</summary>
    /// <exception cref="ArgumentException">
    /// A set with fewer than 2 rows, sets with different column counts, or a non-finite feature; the message is a
    /// one-line reason for a person.
    /// </exception>
    public static GeneratorMetricsReport Compute(string extractor, FeatureMatrix real, FeatureMatrix fake, FeatureMatrix? train = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        MetricInputs.Require(real, "real", 2);
        MetricInputs.Require(fake, "generated", 2);
        MetricInputs.RequireSameColumns(real, "real", fake, "generated");
        if (train is not null)
        {
            MetricInputs.Require(train, "training", 2);
            MetricInputs.RequireSameColumns(train, "training", fake, "generated");
        }

        var fd = FrechetDistance.Compute(GaussianFit.Of(real), GaussianFit.Of(fake));
        var kid = KernelInceptionDistance.Compute(real, fake, seed: seed);
        var prK = Math.Min(PrecisionRecallK, Math.Min(real.Rows, fake.Rows) - 1);
        var dcK = Math.Min(DensityCoverageK, real.Rows - 1);
        var (pr, dc) = NeighbourhoodMetrics.Compute(real, fake, prK, dcK);
        var memorisation = train is null ? null : Memorisation.Compute(train, fake);
        return new GeneratorMetricsReport(
            extractor,
            real.Rows,
            fake.Rows,
            fd,
            kid.Mean,
            kid.Sd,
            pr!.Precision,
            pr.Recall,
            dc!.Density,
            dc.Coverage,
            memorisation?.Share)
        {
            KidSubsetSize = kid.SubsetSize,
            KidSubsets = kid.Subsets,
            PrecisionRecallK = prK,
            DensityCoverageK = dcK,
        };
    }
}
