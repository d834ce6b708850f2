namespace MelanoGans.Shared.Contracts;

/// <summary>A training job as lists and the job page show it.</summary>
/// <param name="Title">"dcgan 32x32 on Phantom / melanoma".</param>
/// <param name="Message">The latest note: why it failed, or that it was interrupted and will resume.</param>
/// <param name="EtaSeconds">Estimated seconds left, from the latest throughput; null when unknown.</param>
/// <param name="LatestGridSha256">Content address of the latest sample grid (served at /api/images/{sha}.png).</param>
/// <param name="ExperimentResultId">For a finished experiment: its stored result on the Experiments page.</param>
/// <param name="Kind">Training run or experiment.</param>
/// <param name="Number">The job's number among jobs of its kind, as people name it (<see cref="Label"/>).</param>
public sealed record TrainingJobSummary(
    long Id,
    string Title,
    TrainingJobOptions Options,
    TrainingJobState State,
    string? Worker,
    string? Device,
    long Step,
    long TotalSteps,
    int Epoch,
    double? ImagesPerSecond,
    double? EtaSeconds,
    string? LatestGridSha256,
    int? ModelId,
    bool CancelRequested,
    int Interruptions,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExperimentResultId = null,
    WorkerJobKind Kind = WorkerJobKind.Training,
    int Number = 0)
{
    /// <summary>"Run 3", "Experiment 2".</summary>
    public string Label => WorkerJobStates.Label(Kind, Number);

    /// <summary>Step / TotalSteps in [0, 1].</summary>
    public double Fraction => TotalSteps <= 0 ? 0 : Math.Clamp((double)Step / TotalSteps, 0, 1);

    public bool IsFinished => WorkerJobStates.IsFinished(State);
}
