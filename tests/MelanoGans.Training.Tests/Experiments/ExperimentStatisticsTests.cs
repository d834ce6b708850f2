using MelanoGans.Shared.Experiments;
using MelanoGans.Training.Experiments;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Experiments;

public sealed class ExperimentStatisticsTests
{
    [Fact]
    public void Paired_t_test_matches_a_hand_computed_value()
    {
        // Differences 1, 2, 3: mean 2, sd 1, t = 2 / (1 / sqrt 3) = 3.4641, df 2, two-sided p = 0.07418 (scipy.stats.ttest_rel).
        var comparison = SeedStatistics.Paired([1.0, 2.0, 3.0], [0.0, 0.0, 0.0]);

        Assert.Equal(2, comparison.MeanDifference, 12);
        Assert.Equal(1, comparison.SdDifference, 12);
        Assert.Equal(3.4641016, comparison.T!.Value, 6);
        Assert.Equal(0.07418, comparison.PValue!.Value, 4);
    }

    [Fact]
    public void Paired_t_test_is_undefined_for_equal_differences_or_one_seed()
    {
        Assert.Null(SeedStatistics.Paired([0.5, 0.6], [0.4, 0.5]).PValue);
        Assert.Null(SeedStatistics.Paired([0.5], [0.4]).T);
    }

    [Fact]
    public void Summary_has_mean_sample_sd_and_range()
    {
        var summary = SeedStatistics.Summarise([0.2, 0.4, 0.9]);

        Assert.Equal(0.5, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(((0.09) + (0.01) + (0.16)) / 2), summary.Sd, 12);
        Assert.Equal((0.2, 0.9), (summary.Min, summary.Max));
    }

    [Fact]
    public void Split_is_stratified_seeded_and_disjoint_and_an_overlap_is_caught()
    {
        using var temp = new TempFolder();
        var images = LabelledImages.Load(TinyDataset.Create(temp.Sub("data"), count: 24), 32);

        var split = ExperimentSplit.Create(images, 0.25, seed: 4);

        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Equal(Enumerable.Range(0, 24), split.Train.Concat(split.Test).Order());
        Assert.Equal((9, 9, 3, 3), (split.TrainMelanoma.Length, split.TrainOther.Length, split.TestMelanoma.Length, split.TestOther.Length));
        Assert.Equal(split.Test, ExperimentSplit.Create(images, 0.25, seed: 4).Test);
        Assert.NotEqual(split.Test, ExperimentSplit.Create(images, 0.25, seed: 5).Test);
        Assert.Equal(4, split.KeptMelanomas(0.5, seed: 0).Length);
        Assert.All(split.KeptMelanomas(0.5, seed: 0), i => Assert.Contains(i, split.TrainMelanoma));

        var leaky = split with { TestMelanoma = [.. split.TestMelanoma, split.TrainMelanoma[0]] };
        Assert.Throws<InvalidOperationException>(() => leaky.AssertDisjoint(images));
    }
}
