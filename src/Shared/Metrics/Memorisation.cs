using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Memorisation check: does the generator reproduce training images? Each generated row is matched to its nearest
/// training row; a match counts as memorised when it is closer than all but 5% of the training rows are to their
/// own nearest other training row (a leave-one-out threshold, so "close" is measured on the training set's own
/// spacing).
/// </summary>
public static class Memorisation
{
    /// <summary>Percentile of the training set's leave-one-out nearest distances used as the threshold.</summary>
    public const double ThresholdPercentile = 5;

    /// <summary>
    /// For every generated row its nearest training row by cosine distance (1 - cos, float64); threshold = 5th
    /// percentile of the training rows' nearest-neighbour cosine distances to each other (leave-one-out);
    /// Share = fraction of generated rows whose nearest distance is below the threshold. A row of zeros has cosine
    /// distance 1 to every row (cosine similarity taken as 0).
    /// </summary>
    /// <exception cref="ArgumentException">A training set under 2 rows, no generated rows, different column counts, or a non-finite feature.</exception>
    public static MemorisationResult Compute(FeatureMatrix train, FeatureMatrix generated) =>
        Run(train, generated, cosine: true);

    /// <summary>
    /// Same rule on pixels: Euclidean (L2) distance, with the same threshold rule in L2; callers pass 64x64 RGB
    /// images flattened to floats.
    /// </summary>
    /// <exception cref="ArgumentException">A training set under 2 rows, no generated rows, different column counts, or a non-finite value.</exception>
    public static MemorisationResult ComputeL2(FeatureMatrix train, FeatureMatrix generated) =>
        Run(train, generated, cosine: false);

    private static MemorisationResult Run(FeatureMatrix train, FeatureMatrix generated, bool cosine)
    {
        MetricInputs.Require(train, "training", 2, "the memorisation check needs");
        MetricInputs.Require(generated, "generated", 1, "the memorisation check needs");
        MetricInputs.RequireSameColumns(train, "training", generated, "generated");
        var kind = cosine ? PairKind.Dot : PairKind.SquaredEuclidean;
        var trainNorms = cosine ? Norms(train) : null;
        var generatedNorms = cosine ? Norms(generated) : null;

        double Distance(double value, int row, double[]? rowNorms, int column)
        {
            if (!cosine)
            {
                return Math.Sqrt(value);
            }

            var denominator = rowNorms![row] * trainNorms![column];
            // Rounding can put the cosine of a row with itself a hair above 1.
            return denominator == 0 ? 1 : Math.Max(0, 1 - value / denominator);
        }

        var leaveOneOut = new double[train.Rows];
        PairwiseBlocks.ForEachRowBlock(train, train, kind, (first, count, values) =>
        {
            for (var r = 0; r < count; r++)
            {
                var row = first + r;
                var nearest = double.PositiveInfinity;
                for (var j = 0; j < train.Rows; j++)
                {
                    if (j != row)
                    {
                        nearest = Math.Min(nearest, Distance(values[r * train.Rows + j], row, trainNorms, j));
                    }
                }

                leaveOneOut[row] = nearest;
            }
        });
        Array.Sort(leaveOneOut);
        var threshold = Quantiles.OfSorted(leaveOneOut, ThresholdPercentile / 100)!.Value;

        var closest = new NearestTraining[generated.Rows];
        PairwiseBlocks.ForEachRowBlock(generated, train, kind, (first, count, values) =>
        {
            for (var r = 0; r < count; r++)
            {
                var row = first + r;
                double best = double.PositiveInfinity, second = double.PositiveInfinity;
                var bestIndex = -1;
                for (var j = 0; j < train.Rows; j++)
                {
                    var distance = Distance(values[r * train.Rows + j], row, generatedNorms, j);
                    if (distance < best)
                    {
                        second = best;
                        best = distance;
                        bestIndex = j;
                    }
                    else if (distance < second)
                    {
                        second = distance;
                    }
                }

                closest[row] = new NearestTraining(row, bestIndex, best, second == 0 ? 1 : best / second);
            }
        });

        var sorted = closest.OrderBy(c => c.Distance).ThenBy(c => c.FakeIndex).ToArray();
        var share = closest.Count(c => c.Distance < threshold) / (double)closest.Length;
        return new MemorisationResult(share, threshold, sorted);
    }

    private static double[] Norms(FeatureMatrix m)
    {
        var norms = new double[m.Rows];
        for (var i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            var sum = 0.0;
            foreach (var v in row)
            {
                sum += (double)v * v;
            }

            norms[i] = Math.Sqrt(sum);
        }

        return norms;
    }
}
