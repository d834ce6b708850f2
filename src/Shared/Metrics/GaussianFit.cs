namespace MelanoGans.Shared.Metrics;

/// <summary>Mean and covariance (divisor n - 1) of a feature set, in float64.</summary>
internal sealed class GaussianFit
{
    private GaussianFit(double[] mean, double[] covariance, int dimension)
    {
        Mean = mean;
        Covariance = covariance;
        Dimension = dimension;
    }

    /// <summary>The column means.</summary>
    public double[] Mean { get; }

    /// <summary>The d x d covariance, row-major and symmetric.</summary>
    public double[] Covariance { get; }

    /// <summary>d, the number of columns.</summary>
    public int Dimension { get; }

    /// <summary>Fits <paramref name="m"/> (at least 2 rows).</summary>
    public static GaussianFit Of(FeatureMatrix m)
    {
        var d = m.Columns;
        var n = m.Rows;
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            var row = m.Row(i);
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        // Covariance entry (a, b) is the dot product of centred columns a and b: the pairwise dot products of the
        // rows of the transposed, centred matrix. Centring first keeps the float64 sums free of the cancellation
        // of E[xx'] - mm'; (a, b) and (b, a) come out bitwise equal, so the result is exactly symmetric.
        var centredColumns = new double[(long)d * n];
        for (var i = 0; i < n; i++)
        {
            var row = m.Row(i);
            for (var j = 0; j < d; j++)
            {
                centredColumns[(long)j * n + i] = row[j] - mean[j];
            }
        }

        var covariance = new double[d * d];
        PairwiseBlocks.ForEachRowBlock(centredColumns, d, centredColumns, d, n, PairKind.Dot, (first, count, values) =>
        {
            for (var i = 0; i < count * d; i++)
            {
                covariance[first * d + i] = values[i] / (n - 1);
            }
        });

        return new GaussianFit(mean, covariance, d);
    }
}
