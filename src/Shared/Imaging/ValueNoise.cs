namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Seeded 2-D value noise on an integer lattice with smooth interpolation, and its fractal sum.
/// </summary>
/// <remarks>
/// Value noise is cheaper than gradient noise and its blobby look suits skin texture and colour zones.
/// The lattice values come from an integer hash, so the field is identical on every run for a seed.
/// </remarks>
public sealed class ValueNoise
{
    private readonly uint _seed;

    /// <summary>Creates the noise field selected by <paramref name="seed"/>.</summary>
    public ValueNoise(ulong seed)
    {
        _seed = (uint)(seed ^ (seed >> 32));
    }

    /// <summary>Noise at (<paramref name="x"/>, <paramref name="y"/>) in lattice units, in [-1, 1].</summary>
    public double Sample(double x, double y)
    {
        var fx = Math.Floor(x);
        var fy = Math.Floor(y);
        var ix = (int)fx;
        var iy = (int)fy;
        var tx = x - fx;
        var ty = y - fy;
        // Quintic fade keeps the derivative continuous, so no grid lines show in gradients.
        var sx = tx * tx * tx * (tx * (tx * 6 - 15) + 10);
        var sy = ty * ty * ty * (ty * (ty * 6 - 15) + 10);
        var v00 = Lattice(ix, iy);
        var v10 = Lattice(ix + 1, iy);
        var v01 = Lattice(ix, iy + 1);
        var v11 = Lattice(ix + 1, iy + 1);
        var a = v00 + (v10 - v00) * sx;
        var b = v01 + (v11 - v01) * sx;
        return a + (b - a) * sy;
    }

    /// <summary>
    /// Fractal (fBm) sum of <paramref name="octaves"/> octaves, each at twice the frequency and half the
    /// amplitude of the previous one, scaled back to about [-1, 1].
    /// </summary>
    public double Fractal(double x, double y, int octaves)
    {
        var sum = 0.0;
        var amplitude = 1.0;
        var norm = 0.0;
        for (var o = 0; o < octaves; o++)
        {
            // The offset per octave stops the octaves' lattice points lining up at the origin.
            sum += amplitude * Sample(x + o * 17.31, y - o * 11.77);
            norm += amplitude;
            amplitude *= 0.5;
            x *= 2.03;
            y *= 2.03;
        }

        return sum / norm;
    }

    /// <summary>A 1-D periodic noise over <paramref name="period"/> lattice cells, in [-1, 1]; used for outlines.</summary>
    public double Periodic(double t, int period)
    {
        var ft = Math.Floor(t);
        var i = (int)ft;
        var f = t - ft;
        var s = f * f * f * (f * (f * 6 - 15) + 10);
        var a = Lattice(Modulo(i, period), 7919);
        var b = Lattice(Modulo(i + 1, period), 7919);
        return a + (b - a) * s;
    }

    /// <summary>The hashed lattice value at (<paramref name="ix"/>, <paramref name="iy"/>), in [-1, 1].</summary>
    internal double Lattice(int ix, int iy) => Hash(ix, iy, _seed) * (2.0 / uint.MaxValue) - 1.0;

    /// <summary>A 32-bit integer hash of a lattice point (a variant of the lowbias32 finaliser).</summary>
    internal static uint Hash(int x, int y, uint seed)
    {
        var h = seed ^ ((uint)x * 0x8DA6B343u) ^ ((uint)y * 0xD8163841u);
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return h;
    }

    private static int Modulo(int a, int m)
    {
        var r = a % m;
        return r < 0 ? r + m : r;
    }
}
