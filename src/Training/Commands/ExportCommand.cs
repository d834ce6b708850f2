using System.CommandLine;
using MelanoGans.Training.Export;
using MelanoGans.Training.Platform;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans export RUN</c>: generator.onnx + generator.json, refused unless the parity check passes.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run directory." };
        var checkpoint = new Option<long?>("--checkpoint") { Description = "Step of the checkpoint to export (default: the latest)." };
        var output = new Option<string?>("--out") { Description = "Folder for generator.onnx and generator.json (default: the run directory)." };
        var json = CommandOutput.JsonOption();
        var command = new Command("export", "Export a run's generator to generator.onnx + generator.json.") { run, checkpoint, output, json };
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            NativeRuntime.Configure(1);
            var manifest = GeneratorExporter.Export(parse.GetValue(run)!, parse.GetValue(checkpoint), parse.GetValue(output));
            if (parse.GetValue(json))
            {
                CommandOutput.Json(parse, manifest);
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine($"exported {manifest.Architecture} {manifest.Resolution}x{manifest.Resolution} at step {manifest.Step}; parity max |diff| {manifest.ParityMaxAbsDiff:E2}; sha256 {manifest.Sha256}");
            }

            return 0;
        }));
        return command;
    }
}
