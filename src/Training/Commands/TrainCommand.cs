using System.CommandLine;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Platform;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans train</c>: a new run with the study's defaults (docs/design.md, "Defaults taken from the study").</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Image folder (PNG/JPEG), optionally with manifest.csv (file,label).", Required = true };
        var output = new Option<string>("--out") { Description = "Folder that receives the run directory.", DefaultValueFactory = _ => "runs" };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = one per core).", DefaultValueFactory = _ => 0 };
        var json = CommandOutput.JsonOption();
        var command = new Command("train", "Train DCGAN, LAPGAN or DDGAN on a dataset.") { dataset };
        var hyperparameters = new HyperparameterOptions(command);
        command.Options.Add(output);
        command.Options.Add(threads);
        command.Options.Add(json);
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            var options = new TrainOptions(hyperparameters.Read(parse), Path.GetFullPath(parse.GetValue(dataset)!))
            {
                Threads = parse.GetValue(threads),
            }.Validate();
            NativeRuntime.Configure(options.Threads);
            var asJson = parse.GetValue(json);
            using var trainer = Trainer.Start(options, parse.GetValue(output)!, asJson ? parse.InvocationConfiguration.Error : parse.InvocationConfiguration.Output);
            return Finish(parse, trainer, asJson);
        }));
        return command;
    }

    /// <summary>
    /// Runs the loop with Ctrl+C handling; exit code 130 when interrupted (after the checkpoint), 1 with the reason
    /// when the run stopped on a non-finite loss.
    /// </summary>
    internal static int Finish(ParseResult parse, Trainer trainer, bool asJson)
    {
        using var cancellation = new TrainingCancellation();
        var outcome = trainer.Train(cancellation.Token);
        if (asJson)
        {
            CommandOutput.Json(parse, outcome);
        }

        return outcome.Failure is { } failure ? CommandOutput.Fail(parse, failure)
            : outcome.Interrupted ? 130 : 0;
    }
}
