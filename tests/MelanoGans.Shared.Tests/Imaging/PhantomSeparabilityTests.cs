using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Tests.Imaging;

/// <summary>
/// The phantom classes must carry signal a classifier can learn (or the class-imbalance experiment is
/// meaningless) without being trivially separable (or it is too easy). One pixel statistic and one
/// threshold must land clearly above chance but below perfect.
/// </summary>
public class PhantomSeparabilityTests
{
    private const int PerClass = 30;
    private const int Size = 64;

    [Fact]
    public void Colour_cluster_count_separates_melanoma_from_nevus_but_not_perfectly()
    {
        var accuracy = BestThresholdAccuracy(LesionClass.Melanoma, LesionClass.Nevus, ColourClusters);
        TestContext.Current.TestOutputHelper?.WriteLine($"colour clusters, melanoma vs nevus: {accuracy:F3}");
        Assert.InRange(accuracy, 0.65, 0.97);
    }

    [Fact]
    public void Lesion_area_separates_melanoma_from_nevus_but_not_perfectly()
    {
        var accuracy = BestThresholdAccuracy(LesionClass.Melanoma, LesionClass.Nevus, LesionArea);
        TestContext.Current.TestOutputHelper?.WriteLine($"lesion area, melanoma vs nevus: {accuracy:F3}");
        Assert.InRange(accuracy, 0.7, 0.97);
    }

    [Fact]
    public void Bright_spot_count_separates_keratosis_from_nevus_but_not_perfectly()
    {
        var accuracy = BestThresholdAccuracy(LesionClass.SeborrheicKeratosis, LesionClass.Nevus, BrightSpots);
        TestContext.Current.TestOutputHelper?.WriteLine($"bright spots, keratosis vs nevus: {accuracy:F3}");
        Assert.InRange(accuracy, 0.65, 0.97);
    }

    /// <summary>Accuracy of the best rule "feature above t means <paramref name="positive"/>" on balanced classes.</summary>
    private static double BestThresholdAccuracy(LesionClass positive, LesionClass negative, Func<RgbImage, double> feature)
    {
        var samples = new List<(double Value, bool Positive)>();
        for (var i = 0; i < PerClass; i++)
        {
            samples.Add((feature(PhantomRenderer.Render(positive, (ulong)(1000 + i), Size)), true));
            samples.Add((feature(PhantomRenderer.Render(negative, (ulong)(5000 + i), Size)), false));
        }

        var best = 0.0;
        foreach (var threshold in samples.Select(s => s.Value).Append(double.NegativeInfinity))
        {
            var correct = samples.Count(s => (s.Value > threshold) == s.Positive);
            best = Math.Max(best, Math.Max(correct, samples.Count - correct) / (double)samples.Count);
        }

        return best;
    }

    /// <summary>Pixels of the central field darker than 80% of the skin's luminance (the 90th percentile).</summary>
    private static bool[] LesionMask(RgbImage image)
    {
        var n = image.Width * image.Height;
        var lum = new double[n];
        var central = new bool[n];
        for (var i = 0; i < n; i++)
        {
            lum[i] = Luminance(image, i);
            var x = i % image.Width + 0.5 - image.Width / 2.0;
            var y = i / image.Width + 0.5 - image.Height / 2.0;
            central[i] = Math.Sqrt(x * x + y * y) < 0.45 * image.Width;
        }

        var skin = lum.Where((_, i) => central[i]).Order().ElementAt((int)(0.9 * central.Count(c => c)));
        return [.. lum.Select((l, i) => central[i] && l < 0.8 * skin)];
    }

    private static double LesionArea(RgbImage image) => LesionMask(image).Count(m => m) / (double)(image.Width * image.Height);

    /// <summary>Coarse colour bins (4 levels per channel) holding at least 4% of the lesion's pixels.</summary>
    private static double ColourClusters(RgbImage image)
    {
        var mask = LesionMask(image);
        var bins = new int[64];
        var total = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                bins[(image.Pixels[i * 3] >> 6) * 16 + (image.Pixels[i * 3 + 1] >> 6) * 4 + (image.Pixels[i * 3 + 2] >> 6)]++;
                total++;
            }
        }

        return total == 0 ? 0 : bins.Count(b => b >= 0.04 * total);
    }

    /// <summary>Lesion pixels brighter than the skin around them: milia-like cysts, regression, gel bubbles.</summary>
    private static double BrightSpots(RgbImage image)
    {
        var n = image.Width * image.Height;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var x = i % image.Width + 0.5 - image.Width / 2.0;
            var y = i / image.Width + 0.5 - image.Height / 2.0;
            if (Math.Sqrt(x * x + y * y) < 0.2 * image.Width && image.Pixels[i * 3 + 2] > 150 && image.Pixels[i * 3 + 1] > 170)
            {
                count++;
            }
        }

        return count;
    }

    private static double Luminance(RgbImage image, int i) =>
        0.299 * image.Pixels[i * 3] + 0.587 * image.Pixels[i * 3 + 1] + 0.114 * image.Pixels[i * 3 + 2];
}
