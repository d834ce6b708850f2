using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class GeneratorMetricsTests
{
    [Fact]
    public void Report_holds_each_metric_as_computed_alone()
    {
        var real = FeatureSets.Activations(220, 32, seed: 51, offset: 0.3);
        var fake = FeatureSets.Activations(180, 32, seed: 52, offset: 0.4);
        var train = FeatureSets.Activations(150, 32, seed: 53, offset: 0.3);

        var report = GeneratorMetrics.Compute("resnet18", real, fake, train, seed: 9);

        var kid = KernelInceptionDistance.Compute(real, fake, seed: 9);
        var pr = PrecisionRecall.Compute(real, fake, 3);
        var dc = DensityCoverage.Compute(real, fake, 5);
        Assert.Equal(
            new GeneratorMetricsReport(
                "resnet18", 220, 180, FrechetDistance.Compute(real, fake), kid.Mean, kid.Sd, pr.Precision, pr.Recall, dc.Density, dc.Coverage,
                Memorisation.Compute(train, fake).Share)
            {
                KidSubsetSize = 180,
                KidSubsets = 1,
                PrecisionRecallK = 3,
                DensityCoverageK = 5,
            },
            report);
        Assert.True(report.SmallSample);
    }

    [Fact]
    public void Without_training_features_the_memorisation_share_is_null()
    {
        var real = FeatureSets.Gaussian(30, 8, seed: 54);
        var fake = FeatureSets.Gaussian(30, 8, seed: 55);

        Assert.Null(GeneratorMetrics.Compute("resnet18", real, fake).MemorisationShare);
    }

    [Fact]
    public void Tiny_sets_shrink_k_instead_of_failing()
    {
        var real = FeatureSets.Gaussian(4, 8, seed: 56);
        var fake = FeatureSets.Gaussian(2, 8, seed: 57);

        var report = GeneratorMetrics.Compute("resnet18", real, fake);

        Assert.Equal((1, 3), (report.PrecisionRecallK, report.DensityCoverageK));
        Assert.True(double.IsFinite(report.Fd) && double.IsFinite(report.Kid));
    }

    [Theory]
    [InlineData(1999, 5000, true)]
    [InlineData(5000, 1999, true)]
    [InlineData(2000, 2000, false)]
    public void Small_sample_means_either_set_under_2000(int realCount, int fakeCount, bool small)
    {
        var report = new GeneratorMetricsReport("resnet18", realCount, fakeCount, 0, 0, 0, 0, 0, 0, 0, null);

        Assert.Equal(small, report.SmallSample);
    }

    [Theory]
    [InlineData(1, 10, "the real set has 1 image; metrics need at least 2")]
    [InlineData(10, 1, "the generated set has 1 image; metrics need at least 2")]
    [InlineData(0, 10, "the real set has 0 images; metrics need at least 2")]
    public void Refuses_sets_under_two_rows_with_a_reason(int realRows, int fakeRows, string message)
    {
        var real = new FeatureMatrix(realRows, 4, new float[realRows * 4]);
        var fake = new FeatureMatrix(fakeRows, 4, new float[fakeRows * 4]);

        Assert.Equal(message, Assert.Throws<ArgumentException>(() => GeneratorMetrics.Compute("resnet18", real, fake)).Message);
    }

    [Fact]
    public void Refuses_sets_from_different_extractors()
    {
        var real = new FeatureMatrix(10, 512, new float[10 * 512]);
        var fake = new FeatureMatrix(10, 2048, new float[10 * 2048]);

        Assert.Equal(
            "the real features have 512 columns and the generated features 2048; both sets must come from the same extractor",
            Assert.Throws<ArgumentException>(() => GeneratorMetrics.Compute("resnet18", real, fake)).Message);
    }

    [Fact]
    public void Refuses_a_training_set_of_another_width()
    {
        var real = FeatureSets.Gaussian(10, 8, seed: 1);
        var train = FeatureSets.Gaussian(10, 16, seed: 2);

        Assert.Equal(
            "the training features have 16 columns and the generated features 8; both sets must come from the same extractor",
            Assert.Throws<ArgumentException>(() => GeneratorMetrics.Compute("resnet18", real, real, train)).Message);
    }

    [Fact]
    public void Refuses_non_finite_features()
    {
        var real = FeatureSets.Gaussian(10, 4, seed: 1);
        var data = (float[])real.Data.Clone();
        data[6] = float.NaN;

        Assert.Equal(
            "the generated features contain NaN (row 1, column 2); every feature must be a finite number",
            Assert.Throws<ArgumentException>(() => GeneratorMetrics.Compute("resnet18", real, new FeatureMatrix(10, 4, data))).Message);
    }
}
