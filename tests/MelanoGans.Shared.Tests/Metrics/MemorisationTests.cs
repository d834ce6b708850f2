using System.Text.Json;
using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class MemorisationTests
{
    private static Dictionary<string, FeatureMatrix> Sets(FeatureMatrix train, FeatureMatrix generated) =>
        new() { ["train"] = train, ["generated"] = generated };

    private static Dictionary<string, object> Metric(string metric) => new() { ["metric"] = metric };

    private static void AssertMatches(JsonElement reference, MemorisationResult result)
    {
        Assert.Equal(reference.GetProperty("share").GetDouble(), result.Share, 1e-12);
        Assert.Equal(reference.GetProperty("threshold").GetDouble(), result.Threshold, 1e-12);
        Assert.Equal(reference.GetProperty("fake_index").EnumerateArray().Select(e => e.GetInt32()), result.Closest.Select(c => c.FakeIndex));
        Assert.Equal(reference.GetProperty("train_index").EnumerateArray().Select(e => e.GetInt32()), result.Closest.Select(c => c.TrainIndex));
        var distances = reference.GetProperty("distance").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ratios = reference.GetProperty("second_ratio").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var i = 0; i < distances.Length; i++)
        {
            Assert.Equal(distances[i], result.Closest[i].Distance, 1e-12);
            Assert.Equal(ratios[i], result.Closest[i].SecondRatio, 1e-9);
        }
    }

    [Fact]
    public void Copies_of_training_rows_with_small_noise_are_flagged()
    {
        var train = FeatureSets.Activations(200, 64, seed: 41, offset: 0.2);
        var copied = Enumerable.Range(0, 60).Select(i => (i * 7) % 200).ToArray();
        var generated = FeatureSets.Perturbed(train, copied, noise: 0.01, seed: 42);

        var result = Memorisation.Compute(train, generated);

        Assert.True(result.Share >= 0.95, $"share {result.Share}");
        Assert.All(result.Closest, c => Assert.Equal(copied[c.FakeIndex], c.TrainIndex));
        Assert.All(result.Closest, c => Assert.True(c.SecondRatio < 0.5, $"ratio {c.SecondRatio}"));
        AssertMatches(MetricsReference.Run("memorisation", Sets(train, generated), Metric("cosine")), result);
    }

    [Fact]
    public void An_independent_set_is_rarely_flagged()
    {
        var train = FeatureSets.Activations(200, 64, seed: 43, offset: 0.2);
        var generated = FeatureSets.Activations(150, 64, seed: 44, offset: 0.2);

        var result = Memorisation.Compute(train, generated);

        // About 5% of independent draws fall under the training set's own 5th percentile.
        Assert.True(result.Share <= 0.15, $"share {result.Share}");
        AssertMatches(MetricsReference.Run("memorisation", Sets(train, generated), Metric("cosine")), result);
        Assert.Equal(150, result.Closest.Count);
        Assert.True(result.Closest.Zip(result.Closest.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
    }

    [Fact]
    public void Pixels_use_euclidean_distance()
    {
        // 8x8 RGB stand-ins for the 64x64 images, values 0-1.
        var train = FeatureSets.Activations(120, 192, seed: 45, offset: 0);
        var generated = FeatureSets.Perturbed(train, [.. Enumerable.Range(0, 30).Select(i => i * 3)], noise: 0.02, seed: 46);
        var independent = FeatureSets.Activations(40, 192, seed: 47, offset: 0);

        var copies = Memorisation.ComputeL2(train, generated);
        var fresh = Memorisation.ComputeL2(train, independent);

        Assert.Equal(1, copies.Share);
        Assert.True(fresh.Share <= 0.15, $"share {fresh.Share}");
        AssertMatches(MetricsReference.Run("memorisation", Sets(train, generated), Metric("euclidean")), copies);
        AssertMatches(MetricsReference.Run("memorisation", Sets(train, independent), Metric("euclidean")), fresh);
    }

    [Fact]
    public void Refuses_a_training_set_of_one_row()
    {
        var one = FeatureSets.Gaussian(1, 4, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => Memorisation.Compute(one, FeatureSets.Gaussian(5, 4, seed: 2)));

        Assert.StartsWith("the training set has 1 image; the memorisation check needs at least 2", error.Message);
    }
}
