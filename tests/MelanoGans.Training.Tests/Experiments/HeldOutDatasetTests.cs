using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Data;
using MelanoGans.Training.Experiments;
using MelanoGans.Training.Export;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
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

    [Fact]
    public void A_run_with_a_held_out_split_trains_without_the_test_melanomas_resumes_and_records_the_split_in_its_export()
    {
        var folder = TinyDataset.Create(temp.Sub("data"), count: 24);
        var split = ExperimentSplit.Create(LabelledImages.Load(folder, 32), 0.25, seed: 4);
        var options = Runs.Options(folder, GanArchitecture.Dcgan, 32, maxSteps: 2) with
        {
            Class = "melanoma", Batch = 2, SnapshotEvery = 1, HeldOut = new HeldOutSplit(0.25, 4),
        };
        var log = new StringWriter();
        string runPath;
        using (var trainer = Trainer.Start(options, temp.Path, log, temp.Sub("run")))
        {
            trainer.Train(TestContext.Current.CancellationToken);
            runPath = trainer.Run.Path;
        }

        // 9 training melanomas of 12: the log names the count the trainer loaded, and the saved options keep the original folder.
        Assert.Contains($"on {split.TrainMelanoma.Length} images at 32x32 ({folder})", log.ToString());
        using (var resumed = Trainer.Resume(runPath, TextWriter.Null, maxSteps: 3))
        {
            resumed.Train(TestContext.Current.CancellationToken);
        }

        var manifest = GeneratorExporter.Export(runPath, outputFolder: temp.Sub("export"));
        Assert.Equal((new HeldOutSplit(0.25, 4), folder, 3L), (manifest.HeldOut, manifest.Dataset, manifest.Step));
    }
}
