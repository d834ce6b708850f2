namespace MelanoGans.Shared.Contracts;

/// <summary>One arm of an imbalance experiment: its training data, every seed's metrics, and the summaries.</summary>
public sealed record ExperimentArmResult
{
    /// <summary>Key: full, imbalanced, weighted, oversampled, or synthetic:NAME.</summary>
    public required string Name { get; init; }

    /// <summary>What a reader sees in the table, e.g. "imbalanced + DCGAN melanomas (melanoma-dcgan64)".</summary>
    public required string Label { get; init; }

    /// <summary>The generator.onnx of a synthetic arm; null otherwise.</summary>
    public string? Model { get; init; }

    /// <summary>Why a reader should doubt this arm, e.g. its generator has seen the test melanomas; null when nothing is known.</summary>
    public string? Warning { get; init; }

    /// <summary>Real melanomas in the training data.</summary>
    public required int TrainMelanoma { get; init; }

    /// <summary>Synthetic melanomas added to the training data.</summary>
    public required int SyntheticMelanoma { get; init; }

    /// <summary>Other (non-melanoma) lesions in the training data.</summary>
    public required int TrainOther { get; init; }

    /// <summary>One entry per seed, in seed order.</summary>
    public required IReadOnlyList<ExperimentSeedRun> Runs { get; init; }

    /// <summary>Mean and spread over seeds, keyed by metric name.</summary>
    public required IReadOnlyDictionary<string, ExperimentMetricSummary> Metrics { get; init; }

    /// <summary>Paired comparison with the imbalanced baseline over seeds, keyed by metric name; null for the baseline itself.</summary>
    public IReadOnlyDictionary<string, ExperimentPairedComparison>? Comparison { get; init; }
}
