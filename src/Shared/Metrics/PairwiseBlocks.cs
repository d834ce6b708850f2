using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MelanoGans.Shared.Metrics;

/// <summary>
/// All-pairs values between the rows of two matrices, a block of rows at a time, so that no n x m matrix has to be
/// held. Rows are widened to float64 a tile at a time and every value is accumulated in float64 with
/// <see cref="Vector{T}"/>; the value for a pair does not depend on the blocking or on the order of the two
/// matrices, so d(x, y) and d(y, x) are bitwise equal (the k-NN rules compare such values with each other).
/// </summary>
internal static class PairwiseBlocks
{
    /// <summary>Rows of <c>a</c> per block handed to the visitor.</summary>
    public const int BlockRows = 32;

    private const int TileRows = 32;

    /// <summary>
    /// Calls <paramref name="visit"/>(firstRow, rowCount, values) for consecutive blocks of <paramref name="a"/>'s
    /// rows, where values[r * b.Rows + j] is the pair value of a's row firstRow + r and b's row j. Blocks run in
    /// parallel: the visitor may write only state that belongs to its own rows, and must not keep
    /// <c>values</c> (the buffer is reused).
    /// </summary>
    public static void ForEachRowBlock(FeatureMatrix a, FeatureMatrix b, PairKind kind, Action<int, int, double[]> visit)
    {
        if (a.Columns != b.Columns)
        {
            throw new ArgumentException($"the matrices have {a.Columns} and {b.Columns} columns");
        }

        var d = a.Columns;
        Run(a.Rows, b.Rows, d, Widening(a.Data, d), Widening(b.Data, d), kind, visit);
    }

    /// <summary>
    /// <see cref="ForEachRowBlock(FeatureMatrix, FeatureMatrix, PairKind, Action{int, int, double[]})"/> for float64
    /// row-major matrices of <paramref name="columns"/> columns (read in place, not copied).
    /// </summary>
    public static void ForEachRowBlock(
        double[] a, int aRows, double[] b, int bRows, int columns, PairKind kind, Action<int, int, double[]> visit) =>
        Run(aRows, bRows, columns, InPlace(a, columns), InPlace(b, columns), kind, visit);

    private static RowSource Widening(float[] data, int d) => (first, count, buffer) =>
    {
        Widen(data.AsSpan(first * d, count * d), buffer);
        return buffer.AsSpan(0, count * d);
    };

    private static RowSource InPlace(double[] data, int d) => (first, count, _) => data.AsSpan(first * d, count * d);

    private static void Run(int aRows, int bRows, int d, RowSource a, RowSource b, PairKind kind, Action<int, int, double[]> visit)
    {
        if (aRows == 0 || bRows == 0)
        {
            return;
        }

        var blocks = (aRows + BlockRows - 1) / BlockRows;
        Parallel.For(
            0,
            blocks,
            () => new Buffers(new double[BlockRows * d], new double[TileRows * d], new double[BlockRows * bRows]),
            (block, _, buffers) =>
            {
                var first = block * BlockRows;
                var count = Math.Min(BlockRows, aRows - first);
                var rows = a(first, count, buffers.A);
                for (var tileStart = 0; tileStart < bRows; tileStart += TileRows)
                {
                    var tileCount = Math.Min(TileRows, bRows - tileStart);
                    var tile = b(tileStart, tileCount, buffers.B);
                    for (var r = 0; r < count; r++)
                    {
                        var x = rows.Slice(r * d, d);
                        var output = buffers.Values.AsSpan(r * bRows + tileStart, tileCount);
                        var t = 0;
                        for (; t + 4 <= tileCount; t += 4)
                        {
                            Four(kind, x, tile.Slice(t * d, 4 * d), output.Slice(t, 4));
                        }

                        for (; t < tileCount; t++)
                        {
                            output[t] = One(kind, x, tile.Slice(t * d, d));
                        }
                    }
                }

                visit(first, count, buffers.Values);
                return buffers;
            },
            _ => { });
    }

    private static void Widen(ReadOnlySpan<float> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i];
        }
    }

    // One lane-wise accumulator per pair, chunks in order, then Vector.Sum and the scalar tail: Four and One
    // give the same bits for the same pair.
    private static double One(PairKind kind, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var w = Vector<double>.Count;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var acc = Vector<double>.Zero;
        var i = 0;
        if (kind == PairKind.SquaredEuclidean)
        {
            for (; i + w <= n; i += w)
            {
                var diff = Vector.LoadUnsafe(ref rx, (nuint)i) - Vector.LoadUnsafe(ref ry, (nuint)i);
                acc += diff * diff;
            }

            var total = Vector.Sum(acc);
            for (; i < n; i++)
            {
                var diff = x[i] - y[i];
                total += diff * diff;
            }

            return total;
        }
        else
        {
            for (; i + w <= n; i += w)
            {
                acc += Vector.LoadUnsafe(ref rx, (nuint)i) * Vector.LoadUnsafe(ref ry, (nuint)i);
            }

            var total = Vector.Sum(acc);
            for (; i < n; i++)
            {
                total += x[i] * y[i];
            }

            return total;
        }
    }

    private static void Four(PairKind kind, ReadOnlySpan<double> x, ReadOnlySpan<double> ys, Span<double> output)
    {
        var n = x.Length;
        var w = Vector<double>.Count;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var r0 = ref MemoryMarshal.GetReference(ys);
        ref var r1 = ref Unsafe.Add(ref r0, n);
        ref var r2 = ref Unsafe.Add(ref r0, 2 * n);
        ref var r3 = ref Unsafe.Add(ref r0, 3 * n);
        Vector<double> a0 = Vector<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
        var i = 0;
        if (kind == PairKind.SquaredEuclidean)
        {
            for (; i + w <= n; i += w)
            {
                var v = Vector.LoadUnsafe(ref rx, (nuint)i);
                var d0 = v - Vector.LoadUnsafe(ref r0, (nuint)i);
                var d1 = v - Vector.LoadUnsafe(ref r1, (nuint)i);
                var d2 = v - Vector.LoadUnsafe(ref r2, (nuint)i);
                var d3 = v - Vector.LoadUnsafe(ref r3, (nuint)i);
                a0 += d0 * d0;
                a1 += d1 * d1;
                a2 += d2 * d2;
                a3 += d3 * d3;
            }

            double t0 = Vector.Sum(a0), t1 = Vector.Sum(a1), t2 = Vector.Sum(a2), t3 = Vector.Sum(a3);
            for (; i < n; i++)
            {
                var e0 = x[i] - ys[i];
                var e1 = x[i] - ys[n + i];
                var e2 = x[i] - ys[2 * n + i];
                var e3 = x[i] - ys[3 * n + i];
                t0 += e0 * e0;
                t1 += e1 * e1;
                t2 += e2 * e2;
                t3 += e3 * e3;
            }

            output[0] = t0;
            output[1] = t1;
            output[2] = t2;
            output[3] = t3;
        }
        else
        {
            for (; i + w <= n; i += w)
            {
                var v = Vector.LoadUnsafe(ref rx, (nuint)i);
                a0 += v * Vector.LoadUnsafe(ref r0, (nuint)i);
                a1 += v * Vector.LoadUnsafe(ref r1, (nuint)i);
                a2 += v * Vector.LoadUnsafe(ref r2, (nuint)i);
                a3 += v * Vector.LoadUnsafe(ref r3, (nuint)i);
            }

            double t0 = Vector.Sum(a0), t1 = Vector.Sum(a1), t2 = Vector.Sum(a2), t3 = Vector.Sum(a3);
            for (; i < n; i++)
            {
                t0 += x[i] * ys[i];
                t1 += x[i] * ys[n + i];
                t2 += x[i] * ys[2 * n + i];
                t3 += x[i] * ys[3 * n + i];
            }

            output[0] = t0;
            output[1] = t1;
            output[2] = t2;
            output[3] = t3;
        }
    }

    // Rows [first, first + count) as float64, row-major: widened into the buffer or a view of a float64 array.
    private delegate ReadOnlySpan<double> RowSource(int first, int count, double[] buffer);

    private sealed record Buffers(double[] A, double[] B, double[] Values);
}
