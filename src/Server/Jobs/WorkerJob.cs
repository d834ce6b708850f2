using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// A worker job: a training run or an experiment requested from the browser and executed by a worker. Its state
/// changes only through <see cref="MoveTo"/> (or a conditional update that follows <see cref="WorkerJobStates.CanMove"/>).
/// </summary>
public sealed class WorkerJob
{
    public long Id { get; set; }

    public WorkerJobKind Kind { get; set; }

    /// <summary>Its number among jobs of its kind (run 3, experiment 2), given at enqueue; unique per kind.</summary>
    public int Number { get; set; }

    /// <summary>What lists show: "dcgan 32x32 on Phantom / melanoma" (the dataset name at creation).</summary>
    public required string Title { get; set; }

    /// <summary>Names the worker's run directory, so a worker that reconnects finds its own checkpoint.</summary>
    public required string RunKey { get; set; }

    /// <summary><see cref="TrainingJobOptions"/> as JSON: the trainer's options exactly as the admin chose them.</summary>
    public required string OptionsJson { get; set; }

    /// <summary>Copied from the options for queries and the dataset download.</summary>
    public int DatasetId { get; set; }

    public TrainingJobState State { get; set; }

    /// <summary>Name of the worker holding the job (or that held it last).</summary>
    public string? Worker { get; set; }

    /// <summary>The worker token that claimed the job; HTTP uploads must come with the same token.</summary>
    public int? WorkerTokenId { get; set; }

    /// <summary>The hub connection that holds the job; a disconnect of this connection releases it.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The server instance that connection is on (<see cref="Data.StudioInstance.Key"/>): if it dies, another requeues the job.</summary>
    public long? InstanceKey { get; set; }

    public string? Device { get; set; }

    public long Step { get; set; }

    public long TotalSteps { get; set; }

    public int Epoch { get; set; }

    /// <summary>Throughput at the latest tick.</summary>
    public double? ImagesPerSecond { get; set; }

    public string? LatestGridSha256 { get; set; }

    /// <summary>An admin asked to cancel; the worker stops at the next step and reports back.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>
    /// After an interruption the job waits for the same worker (which has the checkpoint) until this time;
    /// after it, any worker may claim it and starts over.
    /// </summary>
    public string? ReservedFor { get; set; }

    public DateTimeOffset? ReservedUntil { get; set; }

    /// <summary>How often a worker disconnected mid-run.</summary>
    public int Interruptions { get; set; }

    /// <summary>The model registered from the run's export.</summary>
    public int? ModelId { get; set; }

    /// <summary>The stored results.json of a finished experiment.</summary>
    public int? ExperimentResultId { get; set; }

    /// <summary>The latest note: the error of a failed run, or why it was requeued.</summary>
    public string? Message { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// The one place a tracked job changes state: refuses a move the life cycle does not allow, and a finished job
    /// lets go of its worker and reservation and records when it finished.
    /// </summary>
    public void MoveTo(TrainingJobState state, string? message)
    {
        if (state != State && !WorkerJobStates.CanMove(State, state))
            throw new InvalidOperationException($"Job {Id} cannot go from {State} to {state}.");
        State = state;
        Message = message;
        if (!WorkerJobStates.IsFinished(state)) return;
        ConnectionId = null;
        InstanceKey = null;
        ReservedFor = null;
        ReservedUntil = null;
        FinishedAt = DateTimeOffset.UtcNow;
    }
}
