using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// <c>results.json</c> of <c>melanogans experiment imbalance</c>: does adding synthetic melanomas help a classifier
/// trained on data from which most melanomas were removed? Written by the trainer, read by the server's
/// Experiments page; every arm is evaluated on the same held-out real test split.
/// </summary>
public sealed record ImbalanceExperimentResult
{
    /// <summary>File name inside the experiment's run directory.</summary>
    public const string FileName = "results.json";

    /// <summary>Name of the arm every other arm is compared with.</summary>
    public const string BaselineArm = "imbalanced";

    /// <summary>snake_case JSON, as the other files of a run directory; use it for both writing and reading.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always "imbalance" (room for other experiments in the same folder layout).</summary>
    public string Experiment { get; init; } = "imbalance";

    /// <summary>UTC time the experiment finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The image folder (with manifest.csv) the real images came from.</summary>
    public required string Dataset { get; init; }

    /// <summary>Side of the square images the classifier sees.</summary>
    public required int Resolution { get; init; }

    /// <summary>Fraction of the training melanomas removed in the imbalanced arms.</summary>
    public required double RemoveFraction { get; init; }

    /// <summary>Fraction of each class held out as the real test split.</summary>
    public required double TestFraction { get; init; }

    /// <summary>Seed of the test split (shared by all arms and seeds).</summary>
    public required long SplitSeed { get; init; }

    /// <summary>Classifier seeds; seed i of every arm uses the same removed melanomas, weights and data order seed.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>Optimiser steps per classifier (the same for every arm).</summary>
    public required int Steps { get; init; }

    /// <summary>Images per step.</summary>
    public required int Batch { get; init; }

    /// <summary>Adam learning rate.</summary>
    public required double Lr { get; init; }

    /// <summary>Base channel width of the classifier.</summary>
    public required int Width { get; init; }

    /// <summary>Image counts of the split.</summary>
    public required ExperimentSplitSummary Split { get; init; }

    /// <summary>Metric names in display order (keys of <see cref="ExperimentArmResult.Metrics"/>).</summary>
    public required IReadOnlyList<string> MetricNames { get; init; }

    /// <summary>The arms in display order; the one named <see cref="BaselineArm"/> has no comparison.</summary>
    public required IReadOnlyList<ExperimentArmResult> Arms { get; init; }

    /// <summary>Total wall time in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Where the classifiers trained: cpu or cuda (null in files written before it was recorded).</summary>
    public string? Device { get; init; }
}
