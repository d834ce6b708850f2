using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Stored experiment results for the Experiments page (admins only).</summary>
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
}
