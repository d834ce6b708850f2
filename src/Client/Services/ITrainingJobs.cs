using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Training jobs for the training pages (admins only): start, list, follow, cancel.</summary>
public interface ITrainingJobs
{
    Task<IReadOnlyList<TrainingJobSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>The job with every tick and grid so far (a page opened mid-run draws the history from this).</summary>
    Task<TrainingJobDetail?> GetAsync(long id, CancellationToken ct = default);

    /// <summary>Queues a run; a connected worker (or the server's local worker) claims it.</summary>
    Task<(OperationResult Result, long? JobId)> StartAsync(TrainingJobOptions options, CancellationToken ct = default);

    /// <summary>Cancels a queued job at once, or asks its worker to stop (it checkpoints and reports back).</summary>
    Task<OperationResult> CancelAsync(long id, CancellationToken ct = default);
}
