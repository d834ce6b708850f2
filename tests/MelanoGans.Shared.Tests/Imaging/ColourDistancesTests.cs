using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Tests.Imaging;

public class ColourDistancesTests
{
    private static double[] PointMass(int bin)
    {
        var h = new double[256];
        h[bin] = 1;
        return h;
    }

    [Fact]
    public void Identical_histograms_have_zero_distance()
    {
        var h = ColourHistogram.Of([PhantomRenderer.Render(LesionClass.Melanoma, 3, 64)]);
        var result = ColourDistances.Compare(h, h);
        Assert.All(result.Channels, c =>
        {
            Assert.Equal(0, c.JensenShannon, 12);
            Assert.Equal(0, c.Wasserstein1, 12);
        });
        Assert.Equal(0, result.MeanJensenShannon, 12);
        Assert.Equal(0, result.MeanWasserstein1, 12);
    }

    [Fact]
    public void Disjoint_histograms_have_jensen_shannon_one()
    {
        var p = new double[256];
        var q = new double[256];
        for (var i = 0; i < 128; i++)
        {
            p[i] = 1;
            q[i + 128] = 3;
        }

        Assert.Equal(1.0, ColourDistances.JensenShannon(p, q), 12);
    }

    [Theory]
    [InlineData(0, 51, 0.2)]
    [InlineData(0, 255, 1.0)]
    [InlineData(200, 100, 100 / 255.0)]
    public void A_shift_of_k_bins_moves_mass_k_over_255(int from, int to, double expected)
    {
        Assert.Equal(expected, ColourDistances.Wasserstein1(PointMass(from), PointMass(to)), 12);
    }

    [Fact]
    public void Shifting_a_whole_image_set_by_a_constant_gives_that_constant_as_wasserstein()
    {
        var image = PhantomRenderer.Render(LesionClass.Nevus, 11, 64);
        // Halve every intensity then add 20: no clipping, so each channel's mass moves by a known amount on average.
        var halved = new RgbImage(64, 64, [.. image.Pixels.Select(v => (byte)(v / 2))]);
        var shifted = new RgbImage(64, 64, [.. halved.Pixels.Select(v => (byte)(v + 20))]);
        var result = ColourDistances.Compare(ColourHistogram.Of([halved]), ColourHistogram.Of([shifted]));
        Assert.All(result.Channels, c => Assert.Equal(20 / 255.0, c.Wasserstein1, 12));
    }

    [Fact]
    public void Jensen_shannon_is_symmetric_and_bounded()
    {
        var a = ColourHistogram.Of([PhantomRenderer.Render(LesionClass.Melanoma, 1, 48)]);
        var b = ColourHistogram.Of([PhantomRenderer.Render(LesionClass.SeborrheicKeratosis, 2, 48)]);
        var p = a.Normalised(ColourChannel.Green);
        var q = b.Normalised(ColourChannel.Green);
        var js = ColourDistances.JensenShannon(p, q);
        Assert.Equal(js, ColourDistances.JensenShannon(q, p), 14);
        Assert.InRange(js, 1e-6, 1.0);
    }

    [Fact]
    public void Distances_match_scipy_on_histograms_generated_here()
    {
        var pairs = new List<(double[] P, double[] Q)>();
        // Real phantom histograms, class against class.
        var classes = LesionClassNames.All;
        var histograms = classes.Select((c, i) => ColourHistogram.Of([PhantomRenderer.Render(c, (ulong)(40 + i), 64)])).ToList();
        foreach (var channel in new[] { ColourChannel.Red, ColourChannel.Green, ColourChannel.Blue })
        {
            pairs.Add((histograms[0].Normalised(channel), histograms[1].Normalised(channel)));
            pairs.Add((histograms[1].Normalised(channel), histograms[2].Normalised(channel)));
        }

        // Random sparse weights that are not normalised: both implementations must normalise.
        var rng = new PhantomRandom(99);
        for (var k = 0; k < 6; k++)
        {
            var p = new double[256];
            var q = new double[256];
            for (var i = 0; i < 256; i++)
            {
                p[i] = rng.Chance(0.3) ? rng.Range(0, 5) : 0;
                q[i] = rng.Chance(0.3) ? rng.Range(0, 5) : 0;
            }

            p[rng.Next(0, 256)] += 1;
            q[rng.Next(0, 256)] += 1;
            pairs.Add((p, q));
        }

        pairs.Add((PointMass(3), PointMass(250)));

        var reference = ScipyReference.Distances(pairs);
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.Equal(reference[i].Wasserstein1, ColourDistances.Wasserstein1(pairs[i].P, pairs[i].Q), 10);
            Assert.Equal(reference[i].JensenShannon, ColourDistances.JensenShannon(pairs[i].P, pairs[i].Q), 10);
        }
    }

    [Fact]
    public void Compare_by_class_covers_classes_present_in_both_sets()
    {
        var a = new ClassColourHistograms();
        var b = new ClassColourHistograms();
        a.Add(PhantomRenderer.Render(LesionClass.Melanoma, 1, 32), LesionClass.Melanoma);
        a.Add(PhantomRenderer.Render(LesionClass.Nevus, 2, 32), LesionClass.Nevus);
        b.Add(PhantomRenderer.Render(LesionClass.Melanoma, 3, 32), LesionClass.Melanoma);
        b.Add(PhantomRenderer.Render(LesionClass.SeborrheicKeratosis, 4, 32), LesionClass.SeborrheicKeratosis);

        var byClass = ColourDistances.CompareByClass(a, b);

        Assert.Equal([LesionClass.Melanoma], byClass.Keys);
        Assert.Equal(ColourDistances.Compare(a.ByClass[LesionClass.Melanoma], b.ByClass[LesionClass.Melanoma]), byClass[LesionClass.Melanoma], ComparisonEquals);
    }

    [Fact]
    public void Mismatched_or_empty_histograms_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ColourDistances.JensenShannon(new double[3], new double[3]));
        Assert.Throws<ArgumentException>(() => ColourDistances.Wasserstein1(new double[3], new double[4]));
        Assert.Throws<InvalidOperationException>(() => ColourDistances.Compare(new ColourHistogram(), new ColourHistogram()));
    }

    private static bool ComparisonEquals(ColourComparison x, ColourComparison y) =>
        x.MeanJensenShannon == y.MeanJensenShannon && x.MeanWasserstein1 == y.MeanWasserstein1 && x.Channels.SequenceEqual(y.Channels);
}
