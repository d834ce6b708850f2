using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Tests.Imaging;

public class ColourHistogramTests
{
    [Fact]
    public void Normalised_channels_sum_to_one()
    {
        var histogram = ColourHistogram.Of([
            PhantomRenderer.Render(LesionClass.Melanoma, 5, 64),
            PhantomRenderer.Render(LesionClass.Nevus, 6, 32),
        ]);

        Assert.Equal(64 * 64 + 32 * 32, histogram.PixelCount);
        Assert.Equal(2, histogram.ImageCount);
        foreach (var channel in new[] { ColourChannel.Red, ColourChannel.Green, ColourChannel.Blue })
        {
            var h = histogram.Normalised(channel);
            Assert.Equal(256, h.Length);
            Assert.Equal(1.0, h.Sum(), 12);
        }
    }

    [Fact]
    public void Counts_land_in_the_bin_of_each_channel()
    {
        var histogram = new ColourHistogram();
        histogram.AddPixels([10, 20, 30, 10, 21, 255]);

        Assert.Equal(2, histogram.Count(ColourChannel.Red, 10));
        Assert.Equal(1, histogram.Count(ColourChannel.Green, 20));
        Assert.Equal(1, histogram.Count(ColourChannel.Green, 21));
        Assert.Equal(1, histogram.Count(ColourChannel.Blue, 30));
        Assert.Equal(1, histogram.Count(ColourChannel.Blue, 255));
        Assert.Equal(0.5, histogram.Normalised(ColourChannel.Blue)[255]);
    }

    [Fact]
    public void Merging_equals_adding_all_images_to_one_histogram()
    {
        var images = Enumerable.Range(0, 4).Select(i => PhantomRenderer.Render(LesionClass.Nevus, (ulong)i, 32)).ToList();
        var whole = ColourHistogram.Of(images);
        var left = ColourHistogram.Of(images.Take(2));
        left.Add(ColourHistogram.Of(images.Skip(2)));

        Assert.Equal(whole.PixelCount, left.PixelCount);
        Assert.Equal(whole.Normalised(ColourChannel.Red), left.Normalised(ColourChannel.Red));
        Assert.Equal(whole.Normalised(ColourChannel.Blue), left.Normalised(ColourChannel.Blue));
    }

    [Fact]
    public void Class_histograms_split_by_label_and_keep_unlabelled_in_all()
    {
        var set = new ClassColourHistograms();
        set.Add(PhantomRenderer.Render(LesionClass.Melanoma, 1, 32), LesionClass.Melanoma);
        set.Add(PhantomRenderer.Render(LesionClass.Nevus, 2, 32), null);

        Assert.Equal(2, set.All.ImageCount);
        Assert.Equal(1, set.ByClass[LesionClass.Melanoma].ImageCount);
        Assert.False(set.ByClass.ContainsKey(LesionClass.Nevus));
    }

    [Fact]
    public void Empty_histogram_cannot_be_normalised_and_bad_input_is_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => new ColourHistogram().Normalised(ColourChannel.Red));
        Assert.Throws<ArgumentException>(() => new ColourHistogram().AddPixels([1, 2]));
    }
}
