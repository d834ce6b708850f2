namespace MelanoGans.Shared.Contracts;

/// <summary>A claimed job as the worker receives it.</summary>
/// <param name="JobId">The server's job id (used in every report and route).</param>
/// <param name="RunKey">Stable key of the run: the worker's run directory is named by it, so a worker that reconnects finds its checkpoint.</param>
/// <param name="Options">What to train.</param>
/// <param name="DatasetName">The dataset's display name, written into generator.json.</param>
/// <param name="DatasetImageCount">Images the dataset zip holds (all classes).</param>
/// <param name="Models">For an experiment: the generators it uses, downloaded at <see cref="TrainingHubContract.ExperimentModelRoute"/>.</param>
public sealed record TrainingAssignment(
    long JobId, string RunKey, TrainingJobOptions Options, string DatasetName, int DatasetImageCount, IReadOnlyList<ExperimentModelRef>? Models = null);
