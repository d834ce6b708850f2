using System.Text.Json;
using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class KernelInceptionDistanceTests
{
    private static Dictionary<string, FeatureMatrix> Sets(FeatureMatrix real, FeatureMatrix fake) => new() { ["real"] = real, ["fake"] = fake };

    [Fact]
    public void Full_sets_match_the_unbiased_mmd_of_numpy()
    {
        var real = FeatureSets.Activations(300, 64, seed: 11, offset: 0.5);
        var fake = FeatureSets.Activations(250, 64, seed: 12, offset: 0.7);
        var reference = MetricsReference.Run("kid", Sets(real, fake));

        // Both sets are not larger than 1000: one estimate over the full sets.
        var kid = KernelInceptionDistance.Compute(real, fake);

        Assert.Equal(new KidResult(kid.Mean, 0, 250, 1), kid);
        Assert.True(kid.Mean > 0.01, $"KID {kid.Mean} should be clearly positive for shifted sets");
        Assert.Equal(reference.GetProperty("mean").GetDouble(), kid.Mean, 1e-10 * Math.Abs(kid.Mean));
    }

    [Fact]
    public void Subsets_match_numpy_on_the_same_indices()
    {
        var real = FeatureSets.Activations(300, 48, seed: 13, offset: 0.5);
        var fake = FeatureSets.Activations(260, 48, seed: 14, offset: 0.6);
        var subsets = KernelInceptionDistance.DrawSubsets(real.Rows, fake.Rows, subsetSize: 100, subsets: 10, seed: 7);
        var reference = MetricsReference.Run("kid", Sets(real, fake), new Dictionary<string, object>
        {
            ["subsets"] = subsets.Select(s => new[] { s.Real, s.Fake }).ToArray(),
        });

        var kid = KernelInceptionDistance.Compute(real, fake, subsetSize: 100, subsets: 10, seed: 7);

        Assert.Equal((100, 10), (kid.SubsetSize, kid.Subsets));
        Assert.Equal(reference.GetProperty("mean").GetDouble(), kid.Mean, 1e-10 * Math.Abs(kid.Mean));
        Assert.Equal(reference.GetProperty("sd").GetDouble(), kid.Sd, 1e-9 * kid.Sd);
        Assert.True(kid.Sd > 0);
    }

    [Fact]
    public void Subsets_are_drawn_without_replacement_and_depend_on_the_seed()
    {
        var subsets = KernelInceptionDistance.DrawSubsets(realRows: 150, fakeRows: 120, subsetSize: 100, subsets: 20, seed: 3);

        Assert.Equal(20, subsets.Count);
        Assert.All(subsets, s =>
        {
            Assert.Equal(100, s.Real.Distinct().Count(i => i is >= 0 and < 150));
            Assert.Equal(100, s.Fake.Distinct().Count(i => i is >= 0 and < 120));
        });
        Assert.Equal(subsets[0].Real, KernelInceptionDistance.DrawSubsets(150, 120, 100, 20, seed: 3)[0].Real);
        Assert.NotEqual(subsets[0].Real, KernelInceptionDistance.DrawSubsets(150, 120, 100, 20, seed: 4)[0].Real);
        Assert.NotEqual(subsets[0].Real, subsets[1].Real);
    }

    [Fact]
    public void Cached_kernels_and_per_subset_kernels_agree()
    {
        var real = FeatureSets.Activations(120, 16, seed: 15, offset: 0.5);
        var fake = FeatureSets.Activations(110, 16, seed: 16, offset: 0.6);
        var subsets = KernelInceptionDistance.DrawSubsets(real.Rows, fake.Rows, 50, 5, seed: 1);

        var cached = KernelInceptionDistance.Compute(real, fake, subsets);
        var direct = KernelInceptionDistance.Compute(real, fake, subsets, cachedKernelEntries: 0);

        Assert.Equal(cached.Mean, direct.Mean, 1e-12);
        Assert.Equal(cached.Sd, direct.Sd, 1e-12);
    }

    [Fact]
    public void Identical_sets_give_about_zero()
    {
        var real = FeatureSets.Activations(300, 32, seed: 17, offset: 0.5);
        var shifted = FeatureSets.Activations(300, 32, seed: 18, offset: 0.8);

        var same = KernelInceptionDistance.Compute(real, real).Mean;
        var different = KernelInceptionDistance.Compute(real, shifted).Mean;

        // The unbiased estimate on a set against itself is not exactly 0 (the cross term keeps the diagonal).
        Assert.True(Math.Abs(same) < 0.02 * different, $"KID {same} of a set with itself vs {different} for a shifted set");
        Assert.Equal(
            MetricsReference.Run("kid", Sets(real, real)).GetProperty("mean").GetDouble(), same, 1e-9 * different);
    }

    [Fact]
    public void Refuses_bad_subset_arguments()
    {
        var a = FeatureSets.Gaussian(10, 4, seed: 1);
        Assert.Contains("at least 2 rows", Assert.Throws<ArgumentOutOfRangeException>(() => KernelInceptionDistance.Compute(a, a, subsetSize: 1)).Message);
        Assert.Contains("at least 1 subset", Assert.Throws<ArgumentOutOfRangeException>(() => KernelInceptionDistance.Compute(a, a, subsets: 0)).Message);
    }
}
