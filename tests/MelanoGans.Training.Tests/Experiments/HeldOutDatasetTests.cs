using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Data;
using MelanoGans.Training.Experiments;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Experiments;

public sealed class HeldOutDatasetTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_held_out_folder_is_exactly_the_experiments_training_split_and_is_made_once()
    {
        var folder = TinyDataset.Create(temp.Sub("data"), count: 24);
        var split = ExperimentSplit.Create(LabelledImages.Load(folder, 32), 0.25, seed: 4);
        var images = LabelledImages.Load(folder, 32);

        var heldOut = HeldOutDataset.Prepare(folder, new HeldOutSplit(0.25, 4), TextWriter.Null);

        var (files, labels) = LabelledImages.ReadManifest(heldOut);
        Assert.Equal(split.Train.Select(i => images.Files[i]).Order(), files.Order());
        Assert.Empty(files.Intersect(split.Test.Select(i => images.Files[i])));
        Assert.Equal(files.Select(f => images.Labels[images.Files.ToList().IndexOf(f)]), labels);
        // A GAN reads the folder itself: the melanoma class there is the training split's melanomas, decodable.
        var melanomas = ImageFolderDataset.Load(heldOut, 32, "melanoma");
        Assert.Equal(split.TrainMelanoma.Length, melanomas.Count);
        Assert.Equal(files.Count, ImageFolderDataset.Load(heldOut, 32, null).Count);

        var stamp = File.GetLastWriteTimeUtc(Path.Combine(heldOut, ImageFolderDataset.ManifestFileName));
        Assert.Equal(heldOut, HeldOutDataset.Prepare(folder, new HeldOutSplit(0.25, 4), TextWriter.Null));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(heldOut, ImageFolderDataset.ManifestFileName)));
        Assert.NotEqual(heldOut, HeldOutDataset.Prepare(folder, new HeldOutSplit(0.25, 5), TextWriter.Null));
    }
}
