using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Experiments for the Experiments page (admins only): start them on a trainer worker, follow them, read their results.</summary>
public interface IExperimentResults
{
    /// <summary>Every stored result, newest first.</summary>
    Task<IReadOnlyList<ExperimentResultSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>One stored result, or null when there is none with this id.</summary>
    Task<ImbalanceExperimentResult?> GetAsync(int id, CancellationToken ct = default);

    /// <summary>
    /// Checks a <c>results.json</c> written by <c>melanogans experiment imbalance</c> and stores it;
    /// on success <see cref="OperationResult"/> carries no errors and the new id is listed first.
    /// </summary>
    Task<OperationResult> UploadAsync(string name, string json, CancellationToken ct = default);

    /// <summary>
    /// Queues a class-imbalance experiment on a dataset with the chosen melanoma generators; a trainer worker (the
    /// server's local one when none is connected) runs it and its results.json is stored here when it finishes.
    /// Refused with reasons for a dataset too small to split, too few melanomas left, or a model of the wrong class or size.
    /// </summary>
    Task<(OperationResult Result, long? JobId)> StartAsync(int datasetId, ExperimentJobOptions options, CancellationToken ct = default);

    /// <summary>Experiment jobs, newest first; their live changes arrive as <see cref="TrainingUpdate"/> events on <see cref="IStudioEvents"/>.</summary>
    Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default);

    /// <summary>The classifiers an experiment job has finished so far, in the order they finished.</summary>
    Task<IReadOnlyList<ExperimentRunReport>> RunsAsync(long jobId, CancellationToken ct = default);

    /// <summary>Deletes a stored result (the job that produced it stays, without its link).</summary>
    Task<OperationResult> DeleteAsync(int id, CancellationToken ct = default);

    /// <summary>Cancels a queued experiment at once, or asks its worker to stop.</summary>
    Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default);
}
