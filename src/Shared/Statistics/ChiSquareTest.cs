using MathNet.Numerics;

namespace MelanoGans.Shared.Statistics;

/// <summary>Pearson's chi-square test of independence for an r x c table (no continuity correction).</summary>
public static class ChiSquareTest
{
    /// <summary>The statistic, degrees of freedom, p-value and smallest expected count of <paramref name="table"/>.</summary>
    /// <returns>Nulls when the table has fewer than 2 rows or columns, or a row or column that sums to 0.</returns>
    public static (double? Statistic, int? DegreesOfFreedom, double? PValue, double? MinExpected) Independence(long[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = table.GetLength(0), columns = table.GetLength(1);
        if (rows < 2 || columns < 2)
        {
            return (null, null, null, null);
        }

        var rowSums = new double[rows];
        var columnSums = new double[columns];
        double n = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                rowSums[r] += table[r, c];
                columnSums[c] += table[r, c];
                n += table[r, c];
            }
        }

        if (rowSums.Any(s => s == 0) || columnSums.Any(s => s == 0))
        {
            return (null, null, null, null);
        }

        double statistic = 0, minExpected = double.MaxValue;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var expected = rowSums[r] * columnSums[c] / n;
                minExpected = Math.Min(minExpected, expected);
                var difference = table[r, c] - expected;
                statistic += difference * difference / expected;
            }
        }

        var df = (rows - 1) * (columns - 1);
        // The upper regularized gamma gives the survival function directly, accurate for tiny p-values.
        var p = SpecialFunctions.GammaUpperRegularized(df / 2.0, statistic / 2);
        return (statistic, df, p, minExpected);
    }
}
