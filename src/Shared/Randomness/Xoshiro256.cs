using System.Numerics;

namespace MelanoGans.Shared.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021), seeded through
/// splitmix64: the generator of the phantom renderer and the bootstraps. Its stream depends on its seed only, on every
/// machine, thread and .NET version (<see cref="Random"/>'s algorithm is not part of .NET's contract), and it is several
/// times faster than a seeded <see cref="Random"/>.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256(ulong seed)
    {
        // SplitMix64 spreads any seed (including 0) over the 256-bit state, which must not be all zero.
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="n"/>): Lemire's multiply-and-shift, with rejection so no value is favoured.</summary>
    public int Next(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (uint)n;
        var m = (NextUInt64() >> 32) * bound;
        if ((uint)m < bound)
        {
            var threshold = (0u - bound) % bound;
            while ((uint)m < threshold)
            {
                m = (NextUInt64() >> 32) * bound;
            }
        }

        return (int)(m >> 32);
    }

    /// <summary>One SplitMix64 step: advances <paramref name="x"/> and returns a well-mixed 64-bit value.</summary>
    public static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
