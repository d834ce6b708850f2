using MelanoGans.Shared.Randomness;

namespace MelanoGans.Shared.Tests.Randomness;

public sealed class Xoshiro256Tests
{
    [Fact]
    public void The_generator_follows_the_published_reference_and_draws_uniformly()
    {
        // xoshiro256** with its state filled by splitmix64 from 0: the first outputs of the authors' C code
        // (prng.di.unimi.it: xoshiro256starstar.c, splitmix64.c), compiled with gcc from a transcription.
        var reference = new Xoshiro256(0);
        Assert.Equal([0x99EC5F36CB75F2B4UL, 0xBF6E1F784956452AUL, 0x1A5F849D4933E6E0UL],
            [reference.NextUInt64(), reference.NextUInt64(), reference.NextUInt64()]);

        var random = new Xoshiro256(42);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[random.Next(7)]++;
        // Each of 7 values about 10,000 times: a chi-square with 6 degrees of freedom under 22.5 (p = 0.001).
        Assert.True(counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0) < 22.5, string.Join(", ", counts));
    }
}
