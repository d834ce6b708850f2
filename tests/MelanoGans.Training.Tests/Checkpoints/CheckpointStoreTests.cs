using System.Text.Json;
using MelanoGans.Training.Checkpoints;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly RunDirectory run;

    public CheckpointStoreTests()
    {
        var dataset = TinyDataset.Create(temp.Sub("data"));
        using var trainer = Trainer.Start(Runs.Options(dataset, GanArchitecture.Dcgan, maxSteps: 1), temp.Path, TextWriter.Null, temp.Sub("run"));
        trainer.Train(TestContext.Current.CancellationToken);
        run = trainer.Run;
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_flipped_byte_in_the_payload_is_refused_as_corrupt()
    {
        var payload = run.CheckpointPayload(1);
        var bytes = File.ReadAllBytes(payload);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(payload, bytes);

        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(run.Path, TextWriter.Null, maxSteps: 2));
        Assert.Contains("corrupt", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void A_truncated_description_is_refused_as_corrupt()
    {
        File.WriteAllText(run.CheckpointInfo(1), "{\"step\": 1, \"arch");

        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(run.Path, TextWriter.Null));
        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused_as_mismatched()
    {
        var options = JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(run.Options), TrainOptions.Json)!;
        File.WriteAllText(run.Options, JsonSerializer.Serialize(options with { Architecture = "ddgan-deconv" }, TrainOptions.Json));

        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(run.Path, TextWriter.Null));
        Assert.Contains("does not match this run", error.Message);
    }

    [Fact]
    public void A_payload_of_different_shapes_with_a_matching_hash_is_refused_when_loading()
    {
        // Someone copies a 64x64 run's payload over this one and fixes up the hash: shapes still disagree.
        var dataset = temp.Sub("data");
        using (var other = Trainer.Start(Runs.Options(dataset, GanArchitecture.Dcgan, 64, maxSteps: 1), temp.Path, TextWriter.Null, temp.Sub("other")))
        {
            other.Train(TestContext.Current.CancellationToken);
        }

        var foreign = new RunDirectory(temp.Sub("other")).CheckpointPayload(1);
        File.Copy(foreign, run.CheckpointPayload(1), overwrite: true);
        var info = JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(run.CheckpointInfo(1)), TrainOptions.Json)!;
        File.WriteAllText(run.CheckpointInfo(1), JsonSerializer.Serialize(info with { Sha256 = CheckpointStore.Sha256Of(foreign) }, TrainOptions.Json));

        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(run.Path, TextWriter.Null, maxSteps: 2));
        Assert.Contains("cannot be loaded", error.Message);
    }

    [Fact]
    public void A_missing_step_names_the_steps_there_are()
    {
        var error = Assert.Throws<CheckpointException>(() => Trainer.Resume(run.Path, TextWriter.Null, checkpoint: 7));
        Assert.Contains("no checkpoint at step 7 (has 1)", error.Message);
    }
}
