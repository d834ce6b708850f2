using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class RocAucTests
{
    [Fact]
    public void Counts_pairs_with_ties_as_one_half()
    {
        // Positives score {2, 3}, negatives {1, 2}: pairs (2>1) 1, (2=2) 0.5, (3>1) 1, (3>2) 1 -> 3.5 / 4.
        // Reference: the Mann-Whitney definition AUC = U / (n1 n0), worked by hand.
        int[] positives = [0, 1, 1];
        int[] negatives = [1, 1, 0];

        Assert.Equal(0.875, RocAuc.FromCounts(positives, negatives)!.Value, 12);
    }

    [Fact]
    public void Perfect_and_reversed_separation()
    {
        Assert.Equal(1.0, RocAuc.FromCounts([0, 0, 3], [2, 0, 0])!.Value, 12);
        Assert.Equal(0.0, RocAuc.FromCounts([3, 0, 0], [0, 0, 2])!.Value, 12);
        Assert.Equal(0.5, RocAuc.FromCounts([0, 4, 0], [0, 7, 0])!.Value, 12);
    }

    [Fact]
    public void Undefined_without_both_classes()
    {
        Assert.Null(RocAuc.FromCounts([0, 0, 3], [0, 0, 0]));
        Assert.Null(RocAuc.FromCounts([0, 0, 0], [1, 0, 0]));
    }
}
