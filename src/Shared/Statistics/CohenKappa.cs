namespace MelanoGans.Shared.Statistics;

/// <summary>Cohen's (1960) kappa for two raters from their confusion table.</summary>
/// <remarks>
/// When both raters used a single, identical category the expected agreement is 1 and kappa is 0/0; it is
/// reported as undefined (null) and the percent agreement (then 1) carries the information.
/// </remarks>
public static class CohenKappa
{
    /// <summary>Observed agreement, chance agreement and kappa of a square table table[a, b] (rater A said a, rater B said b).</summary>
    /// <returns>Nulls when the table is empty; a null kappa when the expected agreement is 1.</returns>
    public static (double? Observed, double? Expected, double? Kappa) Compute(int[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = table.GetLength(0);
        if (table.GetLength(1) != k)
        {
            throw new ArgumentException("The table must be square.", nameof(table));
        }

        double n = 0, diagonal = 0;
        var rows = new double[k];
        var columns = new double[k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                n += table[a, b];
                rows[a] += table[a, b];
                columns[b] += table[a, b];
            }

            diagonal += table[a, a];
        }

        if (n == 0)
        {
            return (null, null, null);
        }

        var observed = diagonal / n;
        double expected = 0;
        for (var c = 0; c < k; c++)
        {
            expected += rows[c] / n * (columns[c] / n);
        }

        double? kappa = 1 - expected <= 1e-12 ? null : (observed - expected) / (1 - expected);
        return (observed, expected, kappa);
    }
}
