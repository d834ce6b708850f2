namespace MelanoGans.Shared.Imaging;

/// <summary>
/// The phantom renderer's random source: xoshiro256** seeded through SplitMix64.
/// </summary>
/// <remarks>
/// We do not use <see cref="System.Random"/> because its algorithm is not part of .NET's contract and
/// has changed between versions; a phantom dataset must be byte-identical for a seed on every build.
/// </remarks>
public sealed class PhantomRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose whole stream is determined by <paramref name="seed"/>.</summary>
    public PhantomRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (including 0) over the 256-bit state, which must not be all zero.
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns a well-mixed 64-bit value.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Mixes two 64-bit values into a seed; used to derive per-image and per-feature seeds.</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var state = a ^ (b * 0xD1B54A32D192ED03UL);
        return SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive)
    {
        if (maxExclusive <= min)
        {
            return min;
        }

        return min + (int)((NextUInt64() >> 33) % (ulong)(maxExclusive - min));
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal sample (Box-Muller; the second value is discarded to keep the stream simple).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
