using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>
/// Generator metrics of registered models (FD, KID, precision/recall, density/coverage, memorisation): computed by
/// metrics jobs on the worker job system, read by admins on the Models page and by leads beside a study's verdict.
/// </summary>
public interface IModelMetrics
{
    /// <summary>The latest metrics of every model that has some (admins and leads).</summary>
    Task<IReadOnlyList<ModelMetricsView>> LatestAsync(CancellationToken ct = default);

    /// <summary>
    /// Queues a metrics job for a model against a dataset (its training data; by default the dataset named in its
    /// manifest) and the model's class (admins). Refused with the reason for an unknown model, a dataset that is not
    /// ready, or too few images of the class.
    /// </summary>
    Task<(OperationResult Result, long? JobId)> StartAsync(int modelId, int? datasetId = null, CancellationToken ct = default);

    /// <summary>Metrics jobs, newest first (admins); live changes arrive as <see cref="TrainingUpdate"/> events.</summary>
    Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default);

    /// <summary>Cancels a queued metrics job at once, or asks its worker to stop (admins).</summary>
    Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default);
}
