using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Jobs;

/// <summary>Worker tokens and connected workers for the training page (admins only).</summary>
internal sealed class WorkerAdministration(
    IDbContextFactory<StudioDbContext> dbs,
    WorkerConnections connections,
    IStudioEvents events,
    CurrentUser current) : IWorkerAdministration
{
    public async Task<IReadOnlyList<WorkerTokenSummary>> TokensAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tokens = await db.WorkerTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        return tokens.Select(t => new WorkerTokenSummary(t.Id, t.Name, t.CreatedAt, t.RevokedAt, t.LastUsedAt, t.IsLocal)).ToList();
    }

    public async Task<(OperationResult Result, string? Token)> CreateTokenAsync(string name, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        name = name.Trim();
        if (name.Length is 0 or > 100) return (OperationResult.Fail("Give the token a name of at most 100 characters."), null);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var token = await CreateAsync(db, name, isLocal: false, ct);
        return (OperationResult.Ok, token);
    }

    public async Task<OperationResult> RevokeTokenAsync(int id, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var token = await db.WorkerTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return OperationResult.Fail("No such token.");
        token.RevokedAt ??= DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        // Every instance (this one at once) drops the workers connected with the token; they cannot connect again.
        events.Publish(new WorkerTokenRevoked(id));
        return OperationResult.Ok;
    }

    public async Task<IReadOnlyList<ConnectedWorker>> ConnectedAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await connections.SnapshotAsync(ct);
    }

    /// <summary>Stores the hash of a new token and returns the token (the only time it exists outside the caller).</summary>
    internal static async Task<string> CreateAsync(StudioDbContext db, string name, bool isLocal, CancellationToken ct)
    {
        var token = WorkerTokenHasher.NewToken();
        db.WorkerTokens.Add(new WorkerToken { Name = name, TokenHash = WorkerTokenHasher.Hash(token), IsLocal = isLocal });
        await db.SaveChangesAsync(ct);
        return token;
    }
}
