using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Worker tokens and connected workers (admins only).</summary>
public interface IWorkerAdministration
{
    Task<IReadOnlyList<WorkerTokenSummary>> TokensAsync(CancellationToken ct = default);

    /// <summary>Creates a token; the token itself is returned only here (the server keeps its SHA-256).</summary>
    Task<(OperationResult Result, string? Token)> CreateTokenAsync(string name, CancellationToken ct = default);

    /// <summary>Revokes a token and disconnects the workers using it (their jobs go back to the queue).</summary>
    Task<OperationResult> RevokeTokenAsync(int id, CancellationToken ct = default);

    Task<IReadOnlyList<ConnectedWorker>> ConnectedAsync(CancellationToken ct = default);
}
