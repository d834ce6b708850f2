using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>No worker tokens and no connected workers.</summary>
public sealed class FakeWorkerAdministration : IWorkerAdministration
{
    public Task<IReadOnlyList<WorkerTokenSummary>> TokensAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<WorkerTokenSummary>>([]);

    public Task<(OperationResult Result, string? Token)> CreateTokenAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<OperationResult> RevokeTokenAsync(int id, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ConnectedWorker>> ConnectedAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<ConnectedWorker>>([]);
}
