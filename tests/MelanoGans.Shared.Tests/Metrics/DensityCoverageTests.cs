using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class DensityCoverageTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(2)]
    public void Matches_numpy_prdc_definitions(int k)
    {
        var set = NeighbourhoodReference.Overlap;

        var result = DensityCoverage.Compute(set.Real, set.Fake, k);

        Assert.Equal(k, result.K);
        Assert.Equal(set.Expected(k, "density"), result.Density, 1e-12);
        Assert.Equal(set.Expected(k, "coverage"), result.Coverage, 1e-12);
        Assert.InRange(result.Density, 0.05, 0.99);
        Assert.InRange(result.Coverage, 0.05, 0.99);
    }

    [Fact]
    public void Matches_numpy_with_fewer_rows_than_columns()
    {
        var set = NeighbourhoodReference.Wide;

        var result = DensityCoverage.Compute(set.Real, set.Fake);

        Assert.Equal(set.Expected(5, "density"), result.Density, 1e-12);
        Assert.Equal(set.Expected(5, "coverage"), result.Coverage, 1e-12);
    }

    [Fact]
    public void Identical_sets_have_density_and_coverage_one()
    {
        // With the strict rule each real ball holds its own row and its k - 1 nearer neighbours: density exactly 1.
        var set = NeighbourhoodReference.Same;

        Assert.Equal(new DensityCoverageResult(1, 1, 5), DensityCoverage.Compute(set.Real, set.Fake));
        Assert.Equal((1.0, 1.0), (set.Expected(5, "density"), set.Expected(5, "coverage")));
    }

    [Fact]
    public void A_generated_set_collapsed_on_one_real_row_covers_little()
    {
        var real = FeatureSets.Gaussian(100, 8, seed: 36);
        var collapsed = FeatureSets.Perturbed(real, [.. Enumerable.Repeat(0, 50)], noise: 1e-4, seed: 37);

        var result = DensityCoverage.Compute(real, collapsed);

        Assert.True(result.Coverage <= 0.1, $"coverage {result.Coverage}");
        // Every generated row lies in row 0's ball at least.
        Assert.True(result.Density >= 0.2, $"density {result.Density}");
    }

    [Fact]
    public void Refuses_a_real_set_too_small_for_k()
    {
        var real = FeatureSets.Gaussian(5, 4, seed: 1);

        Assert.Equal(
            "the real set has 5 images; k = 5 nearest neighbours need at least 6",
            Assert.Throws<ArgumentException>(() => DensityCoverage.Compute(real, real)).Message);
    }
}
