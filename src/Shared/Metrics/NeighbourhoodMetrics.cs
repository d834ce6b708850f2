namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Precision/recall and density/coverage from one set of distance passes: the real rows' neighbour radii are found
/// once for both k, and each cross pass (generated x real, real x generated) serves both metrics. Inputs are
/// checked by the callers. All comparisons are on squared distances (exact for the ordering).
/// </summary>
internal static class NeighbourhoodMetrics
{
    public static (PrecisionRecallResult? PrecisionRecall, DensityCoverageResult? DensityCoverage) Compute(
        FeatureMatrix real, FeatureMatrix fake, int? prK, int? dcK)
    {
        var kMax = Math.Max(prK ?? 0, dcK ?? 0);
        var realNearest = NearestNeighbours.SquaredDistances(real, kMax);
        var realPr = prK is { } p ? NearestNeighbours.Column(realNearest, kMax, p - 1) : null;
        var realDc = dcK is { } c ? NearestNeighbours.Column(realNearest, kMax, c - 1) : null;
        var fakePr = prK is { } q ? NearestNeighbours.Column(NearestNeighbours.SquaredDistances(fake, q), q, q - 1) : null;

        // Generated rows against real rows: precision (inside some real ball, <=) and density (balls holding it, <).
        var insideReal = new bool[fake.Rows];
        var ballCounts = new int[fake.Rows];
        PairwiseBlocks.ForEachRowBlock(fake, real, PairKind.SquaredEuclidean, (first, count, values) =>
        {
            for (var r = 0; r < count; r++)
            {
                var distances = values.AsSpan(r * real.Rows, real.Rows);
                var inside = false;
                var balls = 0;
                for (var j = 0; j < distances.Length; j++)
                {
                    if (realPr is not null && distances[j] <= realPr[j])
                    {
                        inside = true;
                    }

                    if (realDc is not null && distances[j] < realDc[j])
                    {
                        balls++;
                    }
                }

                insideReal[first + r] = inside;
                ballCounts[first + r] = balls;
            }
        });

        // Real rows against generated rows: recall (inside some generated ball, <=) and coverage (nearest generated
        // row inside the real row's own ball, <).
        var insideFake = new bool[real.Rows];
        var covered = new bool[real.Rows];
        PairwiseBlocks.ForEachRowBlock(real, fake, PairKind.SquaredEuclidean, (first, count, values) =>
        {
            for (var r = 0; r < count; r++)
            {
                var row = first + r;
                var distances = values.AsSpan(r * fake.Rows, fake.Rows);
                var inside = false;
                var nearest = double.PositiveInfinity;
                for (var j = 0; j < distances.Length; j++)
                {
                    if (fakePr is not null && distances[j] <= fakePr[j])
                    {
                        inside = true;
                    }

                    nearest = Math.Min(nearest, distances[j]);
                }

                insideFake[row] = inside;
                covered[row] = realDc is not null && nearest < realDc[row];
            }
        });

        PrecisionRecallResult? pr = prK is { } kp
            ? new PrecisionRecallResult(Share(insideReal), Share(insideFake), kp)
            : null;
        DensityCoverageResult? dc = dcK is { } kd
            ? new DensityCoverageResult(ballCounts.Sum(x => (double)x) / kd / fake.Rows, Share(covered), kd)
            : null;
        return (pr, dc);
    }

    private static double Share(bool[] flags) => flags.Count(f => f) / (double)flags.Length;
}
