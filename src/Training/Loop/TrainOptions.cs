using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Losses;
using MelanoGans.Training.Networks;

namespace MelanoGans.Training.Loop;

/// <summary>
/// The options of a training run: the shared <see cref="TrainingHyperparameters"/> plus where the images are and how
/// many CPU threads this machine gives it. Saved flat as <c>training_options.json</c> in its run directory.
/// </summary>
public sealed record TrainOptions : TrainingHyperparameters
{
    /// <summary>File name inside a run directory.</summary>
    public const string FileName = "training_options.json";

    public TrainOptions()
    {
    }

    /// <summary>The given hyperparameters (a job's, the command line's) on the image folder <paramref name="dataset"/>.</summary>
    [SetsRequiredMembers]
    public TrainOptions(TrainingHyperparameters hyperparameters, string dataset)
        : base(hyperparameters)
    {
        Dataset = dataset;
    }

    /// <summary>snake_case JSON, as every file of the run directory.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Image folder (PNG/JPEG) with an optional manifest.csv (file,label).</summary>
    public required string Dataset { get; init; }

    /// <summary>Torch intra-op threads; 0 = libtorch's default. A property of the machine, not of the run's numbers.</summary>
    public int Threads { get; init; }

    /// <summary>The folder the trainer reads: <see cref="Dataset"/>, or its held-out copy (made once).</summary>
    public string TrainingFolder(TextWriter log) =>
        HeldOut is { } split ? Experiments.HeldOutDataset.Prepare(Dataset, split, log) : Dataset;

    [JsonIgnore]
    public NetworkSpec Spec => new NetworkSpec(GanArchitectureNames.Parse(Architecture), Resolution, Latent, Width).Validate();

    [JsonIgnore]
    public GanLoss LossKind => AdversarialLoss.Parse(Loss);

    public override IReadOnlyList<string> Problems() =>
        [.. base.Problems(), .. Threads >= 0 ? Array.Empty<string>() : ["threads must be 0 (default) or more"]];

    /// <summary>Throws with a one-line reason (the first problem) for an invalid combination.</summary>
    public TrainOptions Validate()
    {
        if (Problems() is [var first, ..])
        {
            throw new ArgumentException(first);
        }

        _ = Spec;
        _ = LossKind;
        return this;
    }
}
