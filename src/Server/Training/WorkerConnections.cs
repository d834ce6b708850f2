using System.Collections.Concurrent;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.SignalR;

namespace MelanoGans.Server.Training;

/// <summary>
/// Workers connected to this instance's hub now: for the admin's list, for the local-worker decision ("is anyone
/// there?") and to disconnect the workers of a revoked token (on whichever instance the token was revoked).
/// </summary>
public sealed class WorkerConnections : IDisposable
{
    private sealed record Entry(HubCallerContext Context, int TokenId, string TokenName, DateTimeOffset ConnectedAt)
    {
        public string Name { get; set; } = TokenName;

        public string Device { get; set; } = "?";

        public long? JobId { get; set; }
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly IDisposable _revocations;

    public WorkerConnections(IStudioEvents events) => _revocations = events.Subscribe<WorkerTokenRevoked>(e => AbortToken(e.TokenId));

    public void Dispose() => _revocations.Dispose();

    public int Count => _entries.Count;

    internal void Add(HubCallerContext context, int tokenId, string tokenName) =>
        _entries[context.ConnectionId] = new Entry(context, tokenId, tokenName, DateTimeOffset.UtcNow);

    internal void Remove(string connectionId) => _entries.TryRemove(connectionId, out _);

    internal void Describe(string connectionId, WorkerHello hello)
    {
        if (!_entries.TryGetValue(connectionId, out var entry)) return;
        entry.Name = hello.Name;
        entry.Device = hello.Device;
    }

    internal void SetJob(string connectionId, long? jobId)
    {
        if (_entries.TryGetValue(connectionId, out var entry)) entry.JobId = jobId;
    }

    /// <summary>Drops every connection made with the token; their jobs go back to the queue on disconnect.</summary>
    internal void AbortToken(int tokenId)
    {
        foreach (var entry in _entries.Values.Where(e => e.TokenId == tokenId)) entry.Context.Abort();
    }

    public IReadOnlyList<ConnectedWorker> Snapshot() =>
        _entries.Values.OrderBy(e => e.ConnectedAt)
            .Select(e => new ConnectedWorker(e.Name, e.Device, e.TokenName, e.ConnectedAt, e.JobId)).ToList();
}
