using MelanoGans.Shared.Experiments;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// An imbalance experiment as an admin starts it in the browser: the experiment's settings plus the registered
/// melanoma generators whose synthetic melanomas each get an arm. The dataset travels as
/// <see cref="TrainingJobOptions.DatasetId"/>; the worker downloads it and the models over HTTP.
/// </summary>
public sealed record ExperimentJobOptions : ImbalanceSettings
{
    /// <summary>Registered models (ids) that each add an "imbalanced + synthetic" arm; may be empty.</summary>
    public IReadOnlyList<int> ModelIds { get; init; } = [];

    public override IReadOnlyList<string> Problems() =>
        [.. base.Problems(), .. ModelIds.Distinct().Count() == ModelIds.Count ? Array.Empty<string>() : ["a model is chosen twice"]];
}
