using System.CommandLine;
using System.Text.Json;
using MelanoGans.Training.Checkpoints;
using MelanoGans.Training.Data;
using MelanoGans.Training.Export;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Platform;
using MelanoGans.Training.Reporting;
using static TorchSharp.torch;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans sample RUN|generator.onnx</c>: PNG samples. Latents come from the same seeded torch generator in
/// both cases, so a run and its export give the same images for the same --seed.
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A run directory (TorchSharp, latest checkpoint) or a generator.onnx file (ONNX Runtime)." };
        var count = new Option<int>("--count") { Description = "Number of images.", DefaultValueFactory = _ => 16 };
        var seed = new Option<long>("--seed") { Description = "Seed of the latents.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "Folder for the PNG files.", DefaultValueFactory = _ => "samples" };
        var checkpoint = new Option<long?>("--checkpoint") { Description = "For a run: step of the checkpoint (default: the latest)." };
        var json = CommandOutput.JsonOption();
        var command = new Command("sample", "Write PNG samples from a run or an ONNX generator.") { source, count, seed, output, checkpoint, json };
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            NativeRuntime.Configure(0);
            var n = parse.GetValue(count);
            if (n < 1)
            {
                throw new ArgumentException("--count must be at least 1");
            }

            var path = parse.GetValue(source)!;
            var files = File.Exists(path) && path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)
                ? FromOnnx(path, n, parse.GetValue(seed), parse.GetValue(output)!)
                : FromRun(path, parse.GetValue(checkpoint), n, parse.GetValue(seed), parse.GetValue(output)!);
            if (parse.GetValue(json))
            {
                CommandOutput.Json(parse, new { Files = files });
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine($"wrote {files.Count} images to {Path.GetFullPath(parse.GetValue(output)!)}");
            }

            return 0;
        }));
        return command;
    }

    internal static IReadOnlyList<string> FromRun(string runPath, long? checkpoint, int count, long seed, string folder)
    {
        var run = new RunDirectory(runPath);
        if (!File.Exists(run.Options))
        {
            throw new FileNotFoundException($"{run.Path} is neither a run directory nor a .onnx file");
        }

        var options = JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(run.Options), TrainOptions.Json)!.Validate();
        var info = CheckpointStore.Describe(run, options, checkpoint);
        using var session = new TrainingSession(options, CPU);
        CheckpointStore.Load(run, info, session);
        var generator = session.SamplingGenerator;
        generator.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var random = new Generator((ulong)EpochOrder.Mix(seed, 0), CPU);
        return ImageGrid.SaveEach(generator.Generate(generator.SampleLatents(count, random)), folder, "sample_");
    }

    internal static IReadOnlyList<string> FromOnnx(string onnxPath, int count, long seed, string folder)
    {
        using var runner = new OnnxGeneratorRunner(onnxPath, threads: Environment.ProcessorCount);
        using var scope = NewDisposeScope();
        using var random = new Generator((ulong)EpochOrder.Mix(seed, 0), CPU);
        var latents = runner.InputNames
            .Select(name => randn([count, .. runner.InputShape(name).Select(d => (long)d)], generator: random).data<float>().ToArray())
            .ToArray();
        var (values, shape) = runner.Run(count, latents);
        using var images = tensor(values, shape);
        return ImageGrid.SaveEach(images, folder, "sample_");
    }
}
