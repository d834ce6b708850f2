using System.Collections.Concurrent;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// Workers connected to the hub now. Every instance writes its own connections to the database
/// (<see cref="WorkerConnectionRecord"/>), so the admin's list and the local-worker decision ("is anyone there?") see
/// the workers of every instance; the connections themselves stay here, to disconnect the workers of a revoked token
/// (on whichever instance the token was revoked).
/// </summary>
public sealed class WorkerConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, (HubCallerContext Context, int TokenId)> _here = new();
    private readonly IDbContextFactory<StudioDbContext> _dbs;
    private readonly StudioInstance _instance;
    private readonly IDisposable _revocations;

    public WorkerConnections(IDbContextFactory<StudioDbContext> dbs, StudioInstance instance, IStudioEvents events)
    {
        _dbs = dbs;
        _instance = instance;
        _revocations = events.Subscribe<WorkerTokenRevoked>(e => AbortToken(e.TokenId));
    }

    public void Dispose() => _revocations.Dispose();

    internal async Task AddAsync(HubCallerContext context, int tokenId, string tokenName)
    {
        _here[context.ConnectionId] = (context, tokenId);
        await using var db = await _dbs.CreateDbContextAsync();
        db.WorkerConnections.Add(new WorkerConnectionRecord
        {
            ConnectionId = context.ConnectionId,
            InstanceKey = _instance.Key,
            TokenId = tokenId,
            TokenName = tokenName,
            Name = tokenName,
            ConnectedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    internal async Task RemoveAsync(string connectionId)
    {
        _here.TryRemove(connectionId, out _);
        await using var db = await _dbs.CreateDbContextAsync();
        await db.WorkerConnections.Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync();
    }

    /// <summary>After a claim: the worker's hello (its name and device) and the job it got, if any, in one write.</summary>
    internal async Task ClaimedAsync(string connectionId, WorkerHello hello, long? jobId)
    {
        await using var db = await _dbs.CreateDbContextAsync();
        await db.WorkerConnections.Where(c => c.ConnectionId == connectionId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Name, Clip(hello.Name, 200))
            .SetProperty(c => c.Device, Clip(hello.Device, 50))
            .SetProperty(c => c.JobId, jobId));
    }

    private static string Clip(string value, int length) => value.Length > length ? value[..length] : value;

    internal async Task SetJobAsync(string connectionId, long? jobId)
    {
        await using var db = await _dbs.CreateDbContextAsync();
        await db.WorkerConnections.Where(c => c.ConnectionId == connectionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.JobId, jobId));
    }

    /// <summary>Drops every connection to this instance made with the token; their jobs go back to the queue on disconnect.</summary>
    internal void AbortToken(int tokenId)
    {
        foreach (var (context, _) in _here.Values.Where(e => e.TokenId == tokenId)) context.Abort();
    }

    /// <summary>True when a worker is connected to any instance.</summary>
    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var db = await _dbs.CreateDbContextAsync(ct);
        return await db.WorkerConnections.AnyAsync(ct);
    }

    /// <summary>The workers connected to every instance, longest connected first.</summary>
    public async Task<IReadOnlyList<ConnectedWorker>> SnapshotAsync(CancellationToken ct)
    {
        await using var db = await _dbs.CreateDbContextAsync(ct);
        var rows = await db.WorkerConnections.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(c => c.ConnectedAt).Select(c => new ConnectedWorker(c.Name, c.Device, c.TokenName, c.ConnectedAt, c.JobId)).ToList();
    }
}
