using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Pages.Admin;

/// <summary>Holds results in memory; uploads are not parsed here (the server tests cover that).</summary>
public sealed class FakeExperimentResults : IExperimentResults
{
    public List<(ExperimentResultSummary Summary, ImbalanceExperimentResult Result)> Stored { get; } = [];

    public Task<IReadOnlyList<ExperimentResultSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ExperimentResultSummary>>(Stored.Select(s => s.Summary).ToList());

    public Task<ImbalanceExperimentResult?> GetAsync(int id, CancellationToken ct = default) =>
        Task.FromResult(Stored.Where(s => s.Summary.Id == id).Select(s => s.Result).FirstOrDefault());

    public Task<OperationResult> UploadAsync(string name, string json, CancellationToken ct = default) =>
        Task.FromResult(OperationResult.Fail("not used in these tests"));
}
