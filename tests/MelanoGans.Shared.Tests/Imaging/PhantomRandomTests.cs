using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Tests.Imaging;

public class PhantomRandomTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence_for_seed_zero()
    {
        // First outputs of Vigna's splitmix64.c with x = 0.
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, PhantomRandom.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, PhantomRandom.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, PhantomRandom.SplitMix64(ref state));
    }

    [Fact]
    public void Same_seed_same_stream_and_values_in_range()
    {
        var a = new PhantomRandom(77);
        var b = new PhantomRandom(77);
        var c = new PhantomRandom(78);
        var differs = false;
        for (var i = 0; i < 1000; i++)
        {
            var x = a.NextDouble();
            Assert.Equal(x, b.NextDouble());
            differs |= x != c.NextDouble();
            Assert.InRange(x, 0.0, 0.9999999999999999);
            Assert.InRange(a.Next(3, 9), 3, 8);
            b.Next(3, 9);
            c.Next(3, 9);
        }

        Assert.True(differs);
    }

    [Fact]
    public void Gaussian_has_about_zero_mean_and_unit_variance()
    {
        var rng = new PhantomRandom(1);
        var samples = Enumerable.Range(0, 20000).Select(_ => rng.NextGaussian()).ToArray();
        var mean = samples.Average();
        var variance = samples.Select(s => (s - mean) * (s - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
    }
}
