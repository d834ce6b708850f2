using MelanoGans.Shared.Experiments;

namespace MelanoGans.Shared.Tests.Experiments;

public sealed class ClassifierMetricsTests
{
    [Fact]
    public void Metrics_of_known_scores()
    {
        double[] scores = [0.9, 0.6, 0.4, 0.7, 0.2, 0.1];
        bool[] melanoma = [true, true, true, false, false, false];

        var metrics = ClassifierMetrics.Compute(scores, melanoma);

        Assert.Equal(2.0 / 3, metrics[ClassifierMetrics.Sensitivity], 12);
        Assert.Equal(2.0 / 3, metrics[ClassifierMetrics.Specificity], 12);
        Assert.Equal(4.0 / 6, metrics[ClassifierMetrics.Accuracy], 12);
        Assert.Equal(2.0 / 3, metrics[ClassifierMetrics.BalancedAccuracy], 12);

        // Pairs (melanoma above other): 0.9 beats all 3, 0.6 beats 2, 0.4 beats 2 -> 7 of 9.
        Assert.Equal(7.0 / 9, metrics[ClassifierMetrics.Auc], 12);
    }

    [Fact]
    public void Auc_counts_ties_one_half()
    {
        Assert.Equal(0.5, ClassifierMetrics.MannWhitneyAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false]), 12);
        Assert.Equal(0.75, ClassifierMetrics.MannWhitneyAuc([0.8, 0.3, 0.3], [true, true, false]), 12);
    }
}
