namespace MelanoGans.Shared.Metrics;

/// <summary>Within-set nearest-neighbour distances, each row's own distance left out by index.</summary>
internal static class NearestNeighbours
{
    /// <summary>
    /// For every row of <paramref name="m"/>, the squared Euclidean distances to its k nearest other rows, ascending:
    /// element [i * k + (j - 1)] is row i's squared distance to its j-th nearest neighbour. A duplicate row counts as a
    /// neighbour at distance 0 (as numpy's "(k+1)-th smallest including self" does).
    /// </summary>
    public static double[] SquaredDistances(FeatureMatrix m, int k)
    {
        if (k < 1 || k > m.Rows - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"k = {k} needs 1 <= k <= rows - 1 = {m.Rows - 1}");
        }

        var result = new double[m.Rows * k];
        PairwiseBlocks.ForEachRowBlock(m, m, PairKind.SquaredEuclidean, (first, count, values) =>
        {
            for (var r = 0; r < count; r++)
            {
                var row = first + r;
                var best = result.AsSpan(row * k, k);
                best.Fill(double.PositiveInfinity);
                var distances = values.AsSpan(r * m.Rows, m.Rows);
                for (var j = 0; j < distances.Length; j++)
                {
                    if (j != row)
                    {
                        Insert(best, distances[j]);
                    }
                }
            }
        });
        return result;
    }

    /// <summary>Column <paramref name="j"/> (0-based) of a row-major table with <paramref name="width"/> columns.</summary>
    public static double[] Column(double[] table, int width, int j)
    {
        var column = new double[table.Length / width];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = table[i * width + j];
        }

        return column;
    }

    /// <summary>Keeps <paramref name="best"/> the ascending smallest values seen so far.</summary>
    public static void Insert(Span<double> best, double value)
    {
        var last = best.Length - 1;
        if (!(value < best[last]))
        {
            return;
        }

        var i = last;
        while (i > 0 && best[i - 1] > value)
        {
            best[i] = best[i - 1];
            i--;
        }

        best[i] = value;
    }
}
