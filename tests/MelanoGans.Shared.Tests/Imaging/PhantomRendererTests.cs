using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Tests.Imaging;

public class PhantomRendererTests
{
    public static TheoryData<LesionClass> Classes => [.. LesionClassNames.All];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Same_seed_gives_byte_identical_images(LesionClass lesionClass)
    {
        for (ulong seed = 0; seed < 8; seed++)
        {
            var first = PhantomRenderer.Render(lesionClass, seed, 64);
            var second = PhantomRenderer.Render(lesionClass, seed, 64);
            Assert.Equal(first.Pixels, second.Pixels);
        }
    }

    [Fact]
    public void Rendering_in_parallel_gives_the_same_bytes_as_in_sequence()
    {
        var seeds = Enumerable.Range(0, 12).Select(i => (ulong)i * 7919).ToArray();
        var sequential = seeds.Select(s => PhantomRenderer.Render(LesionClass.Melanoma, s, 48).Pixels).ToArray();
        var parallel = new byte[seeds.Length][];
        Parallel.For(0, seeds.Length, i => parallel[i] = PhantomRenderer.Render(LesionClass.Melanoma, seeds[i], 48).Pixels);
        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Different_seeds_give_different_images(LesionClass lesionClass)
    {
        var images = Enumerable.Range(0, 10).Select(i => Convert.ToHexString(PhantomRenderer.Render(lesionClass, (ulong)i, 32).Pixels)).ToList();
        Assert.Equal(images.Count, images.Distinct().Count());
    }

    [Theory]
    [InlineData(LesionClass.Melanoma, 32)]
    [InlineData(LesionClass.SeborrheicKeratosis, 64)]
    [InlineData(LesionClass.Nevus, 128)]
    [InlineData(LesionClass.Melanoma, 256)]
    [InlineData(LesionClass.Nevus, 100)]
    [InlineData(LesionClass.SeborrheicKeratosis, 512)]
    public void Every_class_renders_at_every_supported_size(LesionClass lesionClass, int size)
    {
        var image = PhantomRenderer.Render(lesionClass, 123, size);

        Assert.Equal(size, image.Width);
        Assert.Equal(size, image.Height);
        Assert.Equal(size * size * 3, image.Pixels.Length);
        // The lesion sits in the middle and is darker than the skin around it.
        Assert.True(MeanLuminance(image, 0.0, 0.08) < MeanLuminance(image, 0.3, 0.4) - 15,
            $"centre {MeanLuminance(image, 0.0, 0.08):F1} is not darker than skin {MeanLuminance(image, 0.3, 0.4):F1}");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(513)]
    [InlineData(0)]
    public void Unsupported_sizes_are_rejected(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PhantomRenderer.Render(LesionClass.Nevus, 1, size));
    }

    [Fact]
    public void Unknown_class_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PhantomRenderer.Render((LesionClass)42, 1, 64));
    }

    /// <summary>Mean luminance of pixels whose distance from the centre is between two fractions of the side.</summary>
    internal static double MeanLuminance(RgbImage image, double from, double to)
    {
        double sum = 0;
        var n = 0;
        var size = image.Width;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var d = Math.Sqrt(Math.Pow(x + 0.5 - size / 2.0, 2) + Math.Pow(y + 0.5 - size / 2.0, 2)) / size;
                if (d >= from && d < to)
                {
                    var i = (y * size + x) * 3;
                    sum += 0.299 * image.Pixels[i] + 0.587 * image.Pixels[i + 1] + 0.114 * image.Pixels[i + 2];
                    n++;
                }
            }
        }

        return sum / n;
    }
}
