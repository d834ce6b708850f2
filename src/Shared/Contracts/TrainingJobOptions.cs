using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// A training job as an admin starts it in the browser: the run's <see cref="TrainingHyperparameters"/> (the study's
/// defaults until changed) plus the server's dataset, which travels by id and is downloaded by the worker. Serialised
/// flat (the job's options JSON in the database, the worker's assignment), as before the hyperparameters had a record
/// of their own.
/// </summary>
public sealed record TrainingJobOptions : TrainingHyperparameters
{
    /// <summary>The server's dataset to train on.</summary>
    public int DatasetId { get; init; }

    /// <summary>
    /// Set when the job is not a GAN run but a class-imbalance experiment on <see cref="DatasetId"/>: the worker then
    /// runs <c>experiment imbalance</c> with these settings and uploads results.json; the GAN options are unused.
    /// </summary>
    public ExperimentJobOptions? Experiment { get; init; }

    /// <summary>
    /// Set when the job computes generator metrics of a registered model against <see cref="DatasetId"/> (the model's
    /// training data); the GAN options are unused.
    /// </summary>
    public MetricsJobOptions? Metrics { get; init; }

    /// <summary>What the job does, from which of its parts is set.</summary>
    [JsonIgnore]
    public WorkerJobKind Kind =>
        Experiment is not null ? WorkerJobKind.Experiment : Metrics is not null ? WorkerJobKind.Metrics : WorkerJobKind.Training;
}
