using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Checkpoints;
using MelanoGans.Training.Export;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Tests.TestSupport;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Export;

public sealed class GeneratorExporterTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(Runs.ArchitecturesAndResolutions), MemberType = typeof(Runs))]
    public void Export_agrees_with_TorchSharp_and_passes_the_onnx_checker(GanArchitecture architecture, int resolution)
    {
        using var generator = TrainedBatchNorm(new NetworkSpec(architecture, resolution));

        var manifest = GeneratorExporter.Export(generator, temp.Path, "tiny", "melanoma", step: 5, ema: false);

        Assert.True(manifest.ParityMaxAbsDiff <= 1e-4, $"parity {manifest.ParityMaxAbsDiff}");
        var onnx = Path.Combine(temp.Path, GeneratorManifest.OnnxFileName);
        Assert.Equal(CheckpointStore.Sha256Of(onnx), manifest.Sha256);
        Assert.Equal(architecture.ToName(), manifest.Architecture);
        Assert.Equal(generator.Latents.Select(l => l.Name), manifest.Inputs.Select(i => i.Name));
        using (var runner = new OnnxGeneratorRunner(onnx))
        {
            Assert.Equal(manifest.Inputs.Select(i => i.Name), runner.InputNames);
        }

        OnnxChecker.AssertValid(onnx);
    }

    [Fact]
    public void Parity_check_sees_a_generator_that_differs_from_its_onnx_file()
    {
        using var generator = TrainedBatchNorm(new NetworkSpec(GanArchitecture.DdganUpsample, 64));
        GeneratorExporter.Export(generator, temp.Path, "tiny", null, 0, false);
        using (no_grad())
        {
            generator.parameters().Last().add_(0.01);
        }

        var difference = GeneratorExporter.ParityCheck(generator, Path.Combine(temp.Path, GeneratorManifest.OnnxFileName), 2, 1);

        Assert.True(difference > GeneratorExporter.ParityTolerance, $"difference {difference}");
    }

    [Fact]
    public void Export_of_a_run_uses_the_ema_generator_and_sample_writes_pngs_from_both_sources()
    {
        var dataset = TinyDataset.Create(temp.Sub("data"));
        var options = Runs.Options(dataset, GanArchitecture.Lapgan, 64, maxSteps: 2) with { Ema = 0.9, Class = "melanoma", Batch = 2, Width = 16 };
        using (var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("run")))
        {
            trainer.Train(TestContext.Current.CancellationToken);
        }

        var manifest = GeneratorExporter.Export(temp.Sub("run"));

        Assert.True(manifest.Ema);
        Assert.Equal(2, manifest.Step);
        Assert.Equal("melanoma", manifest.Class);
        Assert.Equal([[64], [1, 64, 64]], manifest.Inputs.Select(i => i.Shape.ToArray()));
        Assert.True(File.Exists(Path.Combine(temp.Sub("run"), GeneratorManifest.FileName)));
        var fromOnnx = MelanoGans.Training.Commands.SampleCommand.FromOnnx(Path.Combine(temp.Sub("run"), GeneratorManifest.OnnxFileName), 3, 5, temp.Sub("onnx"));
        var fromRun = MelanoGans.Training.Commands.SampleCommand.FromRun(temp.Sub("run"), null, 3, 5, temp.Sub("torch"));
        Assert.Equal(3, fromOnnx.Count);
        Assert.Equal(3, fromRun.Count);
        Assert.All(fromOnnx.Concat(fromRun), f => Assert.True(new FileInfo(f).Length > 100, f));
    }

    /// <summary>A generator whose BatchNorm running statistics are not the identity, so eval-mode export is really tested.</summary>
    private static GanGenerator TrainedBatchNorm(NetworkSpec spec)
    {
        var generator = GanNetworks.CreateGenerator(spec, seed: 5);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var random = new Generator(9, CPU);
        generator.train();
        for (var i = 0; i < 3; i++)
        {
            generator.call(generator.SampleLatents(4, random));
        }

        return generator;
    }
}
