using System.Diagnostics.CodeAnalysis;
using MelanoGans.Shared.Experiments;

namespace MelanoGans.Training.Experiments;

/// <summary>Options of <c>melanogans experiment imbalance</c>: the shared settings plus where the data and models are.</summary>
public sealed record ImbalanceOptions : ImbalanceSettings
{
    public ImbalanceOptions()
    {
    }

    /// <summary>The given settings on the image folder <paramref name="dataset"/>.</summary>
    [SetsRequiredMembers]
    public ImbalanceOptions(ImbalanceSettings settings, string dataset)
        : base(settings)
    {
        Dataset = dataset;
    }

    /// <summary>Image folder with manifest.csv (file,label); label "melanoma" is the positive class, every other label the negative.</summary>
    public required string Dataset { get; init; }

    /// <summary>generator.onnx files or export folders; each gives one "imbalanced + synthetic" arm.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>
    /// What the results call the dataset and what generators' manifests are compared with (to flag one that has seen
    /// the test melanomas); null = the folder's full path, which is what <c>train</c> records.
    /// </summary>
    public string? DatasetName { get; init; }

    /// <summary><see cref="DatasetName"/> or the folder's full path.</summary>
    public string NameOfDataset => DatasetName ?? Path.GetFullPath(Dataset);

    /// <summary>Torch and ONNX Runtime CPU threads; 0 = libtorch's default.</summary>
    public int Threads { get; init; }

    public override IReadOnlyList<string> Problems() =>
        [.. base.Problems(), .. Threads >= 0 ? Array.Empty<string>() : ["threads must be 0 (default) or more"]];

    /// <summary>Throws with a one-line reason for an invalid combination.</summary>
    public ImbalanceOptions Validate() =>
        Problems() is [var first, ..] ? throw new ArgumentException(first) : this;
}
