using MelanoGans.Shared.Randomness;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// The phantom renderer's random source: <see cref="Xoshiro256"/> (xoshiro256** seeded through SplitMix64).
/// </summary>
/// <remarks>
/// We do not use <see cref="System.Random"/> because its algorithm is not part of .NET's contract and
/// has changed between versions; a phantom dataset must be byte-identical for a seed on every build.
/// </remarks>
public sealed class PhantomRandom
{
    private Xoshiro256 _state;

    /// <summary>Creates a generator whose whole stream is determined by <paramref name="seed"/>.</summary>
    public PhantomRandom(ulong seed) => _state = new Xoshiro256(seed);

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns a well-mixed 64-bit value.</summary>
    public static ulong SplitMix64(ref ulong state) => Xoshiro256.SplitMix64(ref state);

    /// <summary>Mixes two 64-bit values into a seed; used to derive per-image and per-feature seeds.</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var state = a ^ (b * 0xD1B54A32D192ED03UL);
        return SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => _state.NextUInt64();

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _state.NextDouble();

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
}
