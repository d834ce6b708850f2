using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Pages.Admin;

/// <summary>Holds results and experiment jobs in memory; uploads are not parsed here (the server tests cover that).</summary>
public sealed class FakeExperimentResults : IExperimentResults
{
    public List<(ExperimentResultSummary Summary, ImbalanceExperimentResult Result)> Stored { get; } = [];

    public Task<IReadOnlyList<ExperimentResultSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ExperimentResultSummary>>(Stored.Select(s => s.Summary).ToList());

    public Task<ImbalanceExperimentResult?> GetAsync(int id, CancellationToken ct = default) =>
        Task.FromResult(Stored.Where(s => s.Summary.Id == id).Select(s => s.Result).FirstOrDefault());

    public Task<OperationResult> UploadAsync(string name, string json, CancellationToken ct = default) =>
        Task.FromResult(OperationResult.Fail("not used in these tests"));

    public List<TrainingJobSummary> Jobs { get; } = [];

    public Dictionary<long, List<ExperimentRunReport>> Runs { get; } = [];

    /// <summary>What the form sent, in order.</summary>
    public List<(int DatasetId, ExperimentJobOptions Options)> Started { get; } = [];

    public Task<(OperationResult Result, long? JobId)> StartAsync(int datasetId, ExperimentJobOptions options, CancellationToken ct = default)
    {
        Started.Add((datasetId, options));
        return Task.FromResult<(OperationResult, long?)>((OperationResult.Ok, 100 + Started.Count));
    }

    public Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<TrainingJobSummary>>(Jobs.ToList());

    public Task<IReadOnlyList<ExperimentRunReport>> RunsAsync(long jobId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ExperimentRunReport>>(Runs.GetValueOrDefault(jobId)?.ToList() ?? []);

    public Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default) => Task.FromResult(OperationResult.Ok);

    public Task<OperationResult> DeleteAsync(int id, CancellationToken ct = default) =>
        Task.FromResult(Stored.RemoveAll(s => s.Summary.Id == id) == 1 ? OperationResult.Ok : OperationResult.Fail("No such result."));
}
