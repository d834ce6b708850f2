using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Checkpoints;
using MelanoGans.Training.Data;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using Onnx;
using static TorchSharp.torch;

namespace MelanoGans.Training.Export;

/// <summary>
/// <c>melanogans export</c>: a checkpoint's generator (the EMA copy when the run has one) to generator.onnx and
/// generator.json, with a parity check against TorchSharp that fails the export when the two disagree.
/// </summary>
public static class GeneratorExporter
{
    /// <summary>Largest allowed |TorchSharp - ONNX Runtime| over every output pixel.</summary>
    public const double ParityTolerance = 1e-4;

    /// <summary>Name of the single graph output.</summary>
    public const string OutputName = "image";

    /// <param name="datasetName">The dataset as <c>generator.json</c> names it; the run's own (a path on this machine) when null.</param>
    public static GeneratorManifest Export(string runPath, long? checkpoint = null, string? outputFolder = null, string? datasetName = null)
    {
        var run = new RunDirectory(runPath);
        if (!File.Exists(run.Options))
        {
            throw new FileNotFoundException($"{run.Path} is not a run directory: {TrainOptions.FileName} is missing");
        }

        var options = JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(run.Options), TrainOptions.Json)!.Validate();
        var info = CheckpointStore.Describe(run, options, checkpoint);
        using var session = new TrainingSession(options, CPU);
        CheckpointStore.Load(run, info, session);
        var folder = outputFolder ?? run.Path;
        Directory.CreateDirectory(folder);
        return Export(session.SamplingGenerator, folder, datasetName ?? options.Dataset, options.Class, info.Step, session.EmaGenerator is not null, options.HeldOut);
    }

    /// <summary>Exports any generator (tests export freshly initialised networks of every architecture).</summary>
    public static GeneratorManifest Export(GanGenerator generator, string folder, string dataset, string? className, long step, bool ema, HeldOutSplit? heldOut = null)
    {
        var onnxPath = Path.Combine(folder, GeneratorManifest.OnnxFileName);
        generator.eval();
        var graph = new OnnxGraphBuilder();
        var inputs = generator.Latents.Select(input => graph.Input(input.Name, input.Shape)).ToArray();
        var resolution = generator.Spec.Resolution;
        graph.Output(generator.ExportOnnx(graph, inputs), OutputName, [3, resolution, resolution]);
        graph.Build().WriteToFile(onnxPath);

        var difference = ParityCheck(generator, onnxPath, count: 4, seed: 1234);
        if (!(difference <= ParityTolerance))
        {
            File.Move(onnxPath, onnxPath + ".failed", overwrite: true);
            throw new ExportParityException(
                $"export failed the parity check: TorchSharp and ONNX Runtime differ by up to {difference:E3} (> {ParityTolerance:E0}); kept as {onnxPath}.failed for inspection");
        }

        var manifest = new GeneratorManifest
        {
            Architecture = generator.Spec.Architecture.ToName(),
            Resolution = resolution,
            Inputs = generator.Latents,
            Output = OutputName,
            Dataset = dataset,
            Class = className,
            HeldOut = heldOut,
            Step = step,
            Ema = ema,
            Sha256 = CheckpointStore.Sha256Of(onnxPath),
            ParityMaxAbsDiff = difference,
            Opset = OnnxGraphBuilder.Opset,
        };
        File.WriteAllBytes(Path.Combine(folder, GeneratorManifest.FileName), manifest.ToJson());
        return manifest;
    }

    /// <summary>Max |difference| between TorchSharp (eval, no_grad) and ONNX Runtime (CPU) on the same seeded latents.</summary>
    public static double ParityCheck(GanGenerator generator, string onnxPath, int count, long seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        generator.eval();
        using var random = new Generator((ulong)EpochOrder.Mix(seed, 0), CPU);
        var latents = generator.SampleLatents(count, random);
        var expected = generator.Generate(latents).contiguous().data<float>().ToArray();
        using var runner = new OnnxGeneratorRunner(onnxPath);
        var (actual, shape) = runner.Run(count, latents.Select(z => z.contiguous().data<float>().ToArray()).ToArray());
        if (actual.Length != expected.Length)
        {
            throw new ExportParityException($"ONNX output has shape [{string.Join(", ", shape)}] and {actual.Length} values; TorchSharp gave {expected.Length}");
        }

        var max = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var diff = Math.Abs(actual[i] - expected[i]);
            max = double.IsNaN(diff) ? double.NaN : Math.Max(max, diff);
        }

        return max;
    }
}
