namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Rows of features (one row per image, <see cref="Rows"/> x <see cref="Columns"/>), stored as float32 in row-major
/// order. The metrics read it and never change it; they compute in float64.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/> x <paramref name="columns"/> matrix.</summary>
    /// <exception cref="ArgumentException">Negative rows, fewer than one column, or data.Length != rows * columns.</exception>
    public FeatureMatrix(int rows, int columns, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0)
        {
            throw new ArgumentException($"a feature matrix cannot have {rows} rows", nameof(rows));
        }

        if (columns < 1)
        {
            throw new ArgumentException($"a feature matrix needs at least one column, not {columns}", nameof(columns));
        }

        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException(
                $"a {rows} x {columns} feature matrix needs {(long)rows * columns} values, not {data.Length}", nameof(data));
        }

        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>Number of rows (images).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features per image).</summary>
    public int Columns { get; }

    /// <summary>The values, row-major: row i is Data[i * Columns .. (i + 1) * Columns].</summary>
    public float[] Data { get; }

    /// <summary>Row <paramref name="i"/> as a view into <see cref="Data"/>.</summary>
    public ReadOnlySpan<float> Row(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Rows);
        return Data.AsSpan(i * Columns, Columns);
    }

    /// <summary>Copies equally long rows into one matrix.</summary>
    /// <exception cref="ArgumentException">No rows, empty rows, or rows of different lengths.</exception>
    public static FeatureMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("a feature matrix needs at least one row", nameof(rows));
        }

        var columns = rows[0].Length;
        var data = new float[(long)rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException(
                    $"row {i} has {rows[i].Length} values but row 0 has {columns}; all rows must be equally long", nameof(rows));
            }

            rows[i].CopyTo(data, (long)i * columns);
        }

        return new FeatureMatrix(rows.Count, columns, data);
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order, as a new matrix.</summary>
    internal FeatureMatrix Select(IReadOnlyList<int> indices)
    {
        var data = new float[(long)indices.Count * Columns];
        for (var i = 0; i < indices.Count; i++)
        {
            Row(indices[i]).CopyTo(data.AsSpan(i * Columns, Columns));
        }

        return new FeatureMatrix(indices.Count, Columns, data);
    }
}
