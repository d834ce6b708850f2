using System.CommandLine;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Platform;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans train</c>: a new run with the study's defaults (DESIGN.md, "Defaults taken from the study").</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = $"Architecture: {string.Join(", ", GanArchitectureNames.All)}.", DefaultValueFactory = _ => "dcgan" };
        arch.AcceptOnlyFromAmong([.. GanArchitectureNames.All]);
        var resolution = new Option<int>("--resolution") { Description = "Image side in pixels: a power of two from 32 to 256.", DefaultValueFactory = _ => 256 };
        var dataset = new Option<string>("--dataset") { Description = "Image folder (PNG/JPEG), optionally with manifest.csv (file,label).", Required = true };
        var className = new Option<string?>("--class") { Description = "Train on one label of manifest.csv only (e.g. melanoma)." };
        var loss = new Option<string>("--loss") { Description = "lsgan (the study's) or nonsaturating.", DefaultValueFactory = _ => "lsgan" };
        loss.AcceptOnlyFromAmong("lsgan", "nonsaturating");
        var latent = new Option<int>("--latent") { Description = "Latent dimension.", DefaultValueFactory = _ => 64 };
        var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 8 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data set.", DefaultValueFactory = _ => 200 };
        var maxSteps = new Option<long?>("--max-steps") { Description = "Stop after this many steps (smoke tests, budgets)." };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate (betas 0.5, 0.999).", DefaultValueFactory = _ => 2e-4 };
        var seed = new Option<long>("--seed") { Description = "Seed of weights, data order, latents and augmentation.", DefaultValueFactory = _ => 0 };
        var snapshotEvery = new Option<long>("--snapshot-every") { Description = "Steps between sample grids and checkpoints.", DefaultValueFactory = _ => 1000 };
        var tickEvery = new Option<long>("--tick-every") { Description = "Steps between stats.jsonl lines and progress lines.", DefaultValueFactory = _ => 10 };
        var output = new Option<string>("--out") { Description = "Folder that receives the run directory.", DefaultValueFactory = _ => "runs" };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = one per core).", DefaultValueFactory = _ => 0 };
        var diffAug = new Option<bool>("--diffaug") { Description = "DiffAugment (colour, translation, cutout) on every discriminator input." };
        var r1 = new Option<double>("--r1") { Description = "R1 penalty weight gamma (0 = off).", DefaultValueFactory = _ => 0 };
        var ema = new Option<double>("--ema") { Description = "EMA decay of the generator, e.g. 0.999 (0 = off); exported when on.", DefaultValueFactory = _ => 0 };
        var width = new Option<int>("--width") { Description = "Base channel width of both networks.", DefaultValueFactory = _ => 64 };
        var holdOut = new Option<double?>("--hold-out-test-fraction")
        {
            Description = "Leave out the test split of `experiment imbalance --test-fraction F` (with --hold-out-split-seed), so the generator never sees its test images.",
        };
        var holdOutSeed = new Option<long>("--hold-out-split-seed") { Description = "The experiment's --split-seed for --hold-out-test-fraction.", DefaultValueFactory = _ => 0 };
        var json = CommandOutput.JsonOption();

        var command = new Command("train", "Train DCGAN, LAPGAN or DDGAN on a dataset.")
        {
            arch, resolution, dataset, className, loss, latent, batch, epochs, maxSteps, lr, seed, snapshotEvery, tickEvery,
            output, threads, diffAug, r1, ema, width, holdOut, holdOutSeed, json,
        };
        command.SetAction(parse => CommandOutput.Run("train", () =>
        {
            var options = new TrainOptions
            {
                Architecture = parse.GetValue(arch)!,
                Resolution = parse.GetValue(resolution),
                Dataset = Path.GetFullPath(parse.GetValue(dataset)!),
                Class = parse.GetValue(className),
                Loss = parse.GetValue(loss)!,
                Latent = parse.GetValue(latent),
                Width = parse.GetValue(width),
                Batch = parse.GetValue(batch),
                Epochs = parse.GetValue(epochs),
                MaxSteps = parse.GetValue(maxSteps),
                Lr = parse.GetValue(lr),
                Seed = parse.GetValue(seed),
                SnapshotEvery = parse.GetValue(snapshotEvery),
                TickEvery = parse.GetValue(tickEvery),
                Threads = parse.GetValue(threads),
                DiffAug = parse.GetValue(diffAug),
                R1 = parse.GetValue(r1),
                Ema = parse.GetValue(ema),
                HeldOut = parse.GetValue(holdOut) is { } fraction ? new HeldOutSplit(fraction, parse.GetValue(holdOutSeed)) : null,
            }.Validate();
            NativeRuntime.Configure(options.Threads);
            var asJson = parse.GetValue(json);
            using var trainer = Trainer.Start(options, parse.GetValue(output)!, asJson ? Console.Error : Console.Out);
            return Finish(trainer, asJson);
        }));
        return command;
    }

    /// <summary>Runs the loop with Ctrl+C handling; exit code 130 when interrupted (after the checkpoint).</summary>
    internal static int Finish(Trainer trainer, bool asJson)
    {
        using var cancellation = new TrainingCancellation();
        var outcome = trainer.Train(cancellation.Token);
        if (asJson)
        {
            CommandOutput.Json(outcome);
        }

        return outcome.Interrupted ? 130 : 0;
    }
}
