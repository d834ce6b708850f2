using System.Globalization;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Training.Loop;

/// <summary>The files of one training run (docs/design.md, "Run directory").</summary>
public sealed class RunDirectory(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string Options => Combine(TrainOptions.FileName);

    public string Log => Combine("log.txt");

    public string Stats => Combine(TrainingTick.FileName);

    public string Reals => Combine("reals.png");

    public string Fakes(long step) => Combine(string.Create(CultureInfo.InvariantCulture, $"fakes_{step:D8}.png"));

    public string CheckpointInfo(long step) => Combine(string.Create(CultureInfo.InvariantCulture, $"checkpoint_{step:D8}.json"));

    public string CheckpointPayload(long step) => Combine(string.Create(CultureInfo.InvariantCulture, $"checkpoint_{step:D8}.bin"));

    public string Onnx => Combine(GeneratorManifest.OnnxFileName);

    public string Manifest => Combine(GeneratorManifest.FileName);

    /// <summary>Steps that have a checkpoint, ascending.</summary>
    public IReadOnlyList<long> CheckpointSteps() =>
        Directory.EnumerateFiles(Path, "checkpoint_*.json")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f)["checkpoint_".Length..])
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : -1)
            .Where(step => step >= 0)
            .Order()
            .ToList();

    /// <summary>A new run folder under <paramref name="root"/> named by time, architecture and resolution.</summary>
    public static RunDirectory CreateUnder(string root, TrainOptions options)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{options.Architecture}-{options.Resolution}");
        var candidate = System.IO.Path.Combine(root, stem);
        for (var i = 2; Directory.Exists(candidate); i++)
        {
            candidate = System.IO.Path.Combine(root, $"{stem}-{i}");
        }

        Directory.CreateDirectory(candidate);
        return new RunDirectory(candidate);
    }

    private string Combine(string name) => System.IO.Path.Combine(Path, name);
}
