using MelanoGans.Training.Export;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Experiments;

/// <summary>
/// A tiny labelled dataset (12 melanomas, 12 nevi) and a real melanoma generator made the way users make one:
/// <c>train --class melanoma</c> for two steps at 32x32, then <c>export</c>.
/// </summary>
public sealed class ExperimentFixture : IDisposable
{
    public ExperimentFixture()
    {
        Dataset = TinyDataset.Create(Temp.Sub("data"), count: 24);
        var run = Temp.Sub("gan");
        var options = Runs.Options(Dataset, GanArchitecture.Dcgan, 32, maxSteps: 2) with { Class = "melanoma", Batch = 2 };
        using (var trainer = Trainer.Start(options, Temp.Path, TextWriter.Null, run))
        {
            trainer.Train(CancellationToken.None);
        }

        GeneratorExporter.Export(run, outputFolder: Temp.Sub("melanoma-gan"));
        MelanomaGenerator = Temp.Sub("melanoma-gan");
    }

    public TempFolder Temp { get; } = new();

    public string Dataset { get; }

    /// <summary>Export folder with generator.onnx + generator.json (class melanoma, 32x32).</summary>
    public string MelanomaGenerator { get; }

    public void Dispose() => Temp.Dispose();
}
