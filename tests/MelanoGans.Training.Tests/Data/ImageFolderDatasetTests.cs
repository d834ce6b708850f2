using MelanoGans.Training.Data;
using MelanoGans.Training.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Data;

public sealed class ImageFolderDatasetTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Images_are_centre_cropped_resized_and_scaled_to_minus_one_one()
    {
        // 60 x 20: left and right thirds red, the centre square blue; the crop must keep only blue.
        using (var image = new Image<Rgb24>(60, 20))
        {
            for (var y = 0; y < 20; y++)
            {
                for (var x = 0; x < 60; x++)
                {
                    image[x, y] = x is >= 20 and < 40 ? new Rgb24(0, 0, 255) : new Rgb24(255, 0, 0);
                }
            }

            image.SaveAsPng(temp.Sub("wide.png"));
        }

        var dataset = ImageFolderDataset.Load(temp.Path, 32, null);
        using var batch = dataset.Batch([0]);

        Assert.Equal(new long[] { 1, 3, 32, 32 }, batch.shape);
        Assert.Equal(-1f, batch[0, 0].max().item<float>(), 3);
        Assert.Equal(1f, batch[0, 2].min().item<float>(), 3);
    }

    [Fact]
    public void Class_filter_reads_manifest_csv()
    {
        TinyDataset.Create(temp.Path, count: 6);

        Assert.Equal(6, ImageFolderDataset.Load(temp.Path, 32, null).Count);
        var melanoma = ImageFolderDataset.Load(temp.Path, 32, "melanoma");
        Assert.Equal(["lesion_000.png", "lesion_002.png", "lesion_004.png"], melanoma.Files);
        Assert.Throws<InvalidDataException>(() => ImageFolderDataset.Load(temp.Path, 32, "dermatofibroma"));
    }

    [Fact]
    public void A_malformed_manifest_is_refused_with_its_line()
    {
        TinyDataset.Create(temp.Path, count: 2);
        File.AppendAllText(temp.Sub("manifest.csv"), "lesion_000.png,nevus\n");

        var error = Assert.Throws<InvalidDataException>(() => ImageFolderDataset.Load(temp.Path, 32, "melanoma"));

        Assert.Equal($"{temp.Sub("manifest.csv")} line 4: duplicate file lesion_000.png (first on line 2)", error.Message);
    }

    [Fact]
    public void Class_filter_without_a_manifest_says_what_it_needs()
    {
        File.Copy(Path.Combine(TinyDataset.Create(temp.Sub("data"), count: 1), "lesion_000.png"), temp.Sub("lesion.png"));

        var error = Assert.Throws<FileNotFoundException>(() => ImageFolderDataset.Load(temp.Path, 32, "melanoma"));

        Assert.Equal($"--class needs manifest.csv (file,label) in '{temp.Path}'", error.Message);
    }

    [Fact]
    public void Files_that_are_not_images_are_refused_with_their_name()
    {
        File.WriteAllText(temp.Sub("fake.png"), "not a png");

        var error = Assert.ThrowsAny<Exception>(() => ImageFolderDataset.Load(temp.Path, 32, null));
        Assert.Contains("fake.png", error.Message + error.InnerException?.Message);
    }

    [Fact]
    public void Epoch_order_is_a_permutation_fixed_by_seed_and_epoch()
    {
        var a = EpochOrder.For(3, 0, 100);

        Assert.Equal(Enumerable.Range(0, 100), a.Order());
        Assert.Equal(a, EpochOrder.For(3, 0, 100));
        Assert.NotEqual(a, EpochOrder.For(3, 1, 100));
        Assert.NotEqual(a, EpochOrder.For(4, 0, 100));
    }
}
