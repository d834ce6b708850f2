using System.Numerics;

namespace MelanoGans.Shared.Statistics;

/// <summary>Vectorised sums the resampling and MRMC code share.</summary>
internal static class VectorMath
{
    /// <summary>The dot product of two spans of equal length, with the machine's widest vectors (AVX-512, AVX2 or SSE).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
