using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class PrecisionRecallTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(7)]
    public void Matches_numpy_on_sets_that_overlap_partly(int k)
    {
        var set = NeighbourhoodReference.Overlap;

        var result = PrecisionRecall.Compute(set.Real, set.Fake, k);

        Assert.Equal(k, result.K);
        Assert.Equal(set.Expected(k, "precision"), result.Precision, 1e-12);
        Assert.Equal(set.Expected(k, "recall"), result.Recall, 1e-12);
        Assert.InRange(result.Precision, 0.05, 0.99);
        Assert.InRange(result.Recall, 0.05, 0.99);
    }

    [Fact]
    public void Matches_numpy_with_fewer_rows_than_columns()
    {
        var set = NeighbourhoodReference.Wide;

        var result = PrecisionRecall.Compute(set.Real, set.Fake);

        Assert.Equal(set.Expected(3, "precision"), result.Precision, 1e-12);
        Assert.Equal(set.Expected(3, "recall"), result.Recall, 1e-12);
    }

    [Fact]
    public void Identical_sets_have_precision_and_recall_one()
    {
        var set = NeighbourhoodReference.Same;

        Assert.Equal(new PrecisionRecallResult(1, 1, 3), PrecisionRecall.Compute(set.Real, set.Fake));
        Assert.Equal((1.0, 1.0), (set.Expected(3, "precision"), set.Expected(3, "recall")));
    }

    [Fact]
    public void Disjoint_sets_have_precision_and_recall_zero()
    {
        var real = FeatureSets.Gaussian(100, 8, seed: 26);
        var far = FeatureSets.Gaussian(100, 8, seed: 27, mean: 100);

        Assert.Equal(new PrecisionRecallResult(0, 0, 3), PrecisionRecall.Compute(real, far));
    }

    [Fact]
    public void Refuses_k_the_sets_cannot_give()
    {
        var real = FeatureSets.Gaussian(10, 4, seed: 1);
        var fake = FeatureSets.Gaussian(3, 4, seed: 2);

        var error = Assert.Throws<ArgumentException>(() => PrecisionRecall.Compute(real, fake, k: 3));

        Assert.Equal("the generated set has 3 images; k = 3 nearest neighbours need at least 4", error.Message);
    }
}
