using System.CommandLine;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Platform;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans resume RUN</c>: continues a run exactly where its checkpoint left it.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run directory." };
        var checkpoint = new Option<long?>("--checkpoint") { Description = "Step of the checkpoint to continue from (default: the latest)." };
        var maxSteps = new Option<long?>("--max-steps") { Description = "New step limit (default: as saved)." };
        var epochs = new Option<int?>("--epochs") { Description = "New number of epochs (default: as saved)." };
        var threads = new Option<int?>("--threads") { Description = "Torch CPU threads (default: as saved; keep it for identical numbers)." };
        var json = CommandOutput.JsonOption();
        var command = new Command("resume", "Continue a training run from its last checkpoint.") { run, checkpoint, maxSteps, epochs, threads, json };
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            var asJson = parse.GetValue(json);
            using var trainer = Trainer.Resume(
                parse.GetValue(run)!,
                asJson ? parse.InvocationConfiguration.Error : parse.InvocationConfiguration.Output,
                parse.GetValue(checkpoint),
                parse.GetValue(maxSteps),
                parse.GetValue(epochs),
                parse.GetValue(threads));
            NativeRuntime.Configure(trainer.Session.Options.Threads);
            return TrainCommand.Finish(parse, trainer, asJson);
        }));
        return command;
    }
}
