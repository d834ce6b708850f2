using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

/// <summary>Seeded synthetic feature sets for the metric tests.</summary>
internal static class FeatureSets
{
    /// <summary>
    /// rows x columns draws of mean + A z, z standard normal, A = scale * I + mixing * G with G a seeded Gaussian
    /// matrix / sqrt(columns): a correlated Gaussian whose mean and covariance the arguments move.
    /// </summary>
    public static FeatureMatrix Gaussian(int rows, int columns, int seed, double mean = 0, double scale = 1, double mixing = 0.5)
    {
        var random = new Random(seed);
        var g = new double[columns * columns];
        for (var i = 0; i < g.Length; i++)
        {
            g[i] = Normal(random) * mixing / Math.Sqrt(columns);
        }

        var data = new float[rows * columns];
        var z = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < columns; j++)
            {
                z[j] = Normal(random);
            }

            for (var i = 0; i < columns; i++)
            {
                var value = mean + scale * z[i];
                for (var j = 0; j < columns; j++)
                {
                    value += g[i * columns + j] * z[j];
                }

                data[r * columns + i] = (float)value;
            }
        }

        return new FeatureMatrix(rows, columns, data);
    }

    /// <summary>Rows <paramref name="rows"/> of <paramref name="source"/> plus seeded Gaussian noise of sd <paramref name="noise"/>.</summary>
    public static FeatureMatrix Perturbed(FeatureMatrix source, IReadOnlyList<int> rows, double noise, int seed)
    {
        var random = new Random(seed);
        var data = new float[rows.Count * source.Columns];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = source.Row(rows[r]);
            for (var j = 0; j < source.Columns; j++)
            {
                data[r * source.Columns + j] = (float)(row[j] + noise * Normal(random));
            }
        }

        return new FeatureMatrix(rows.Count, source.Columns, data);
    }

    /// <summary>Non-negative features like pooled ReLU activations: |Gaussian| + offset.</summary>
    public static FeatureMatrix Activations(int rows, int columns, int seed, double offset)
    {
        var m = Gaussian(rows, columns, seed);
        return new FeatureMatrix(rows, columns, [.. m.Data.Select(v => (float)(Math.Abs(v) + offset))]);
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
