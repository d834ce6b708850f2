using MelanoGans.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// Jobs claimed and workers connected through an instance: when it is gone its workers leave the list and its jobs go
/// back to the queue, kept for their workers (which hold the checkpoints) to resume through another instance.
/// </summary>
internal sealed class WorkerHoldings : IInstanceHoldings
{
    public IQueryable<long> Holders(StudioDbContext db) =>
        db.WorkerJobs.Where(j => JobCoordinator.Held.Contains(j.State) && j.InstanceKey != null).Select(j => j.InstanceKey!.Value)
            .Union(db.WorkerConnections.Select(c => c.InstanceKey));

    public async Task ReleaseAsync(IServiceProvider services, long? instanceKey, CancellationToken ct)
    {
        var connections = services.GetRequiredService<StudioDbContext>().WorkerConnections;
        await (instanceKey is { } key ? connections.Where(c => c.InstanceKey == key) : connections).ExecuteDeleteAsync(ct);
        var coordinator = services.GetRequiredService<JobCoordinator>();
        await (instanceKey is { } stopped
            ? coordinator.ReleaseInstanceAsync(stopped, "its server instance stopped")
            : coordinator.ReleaseAsync(null, "the server restarted"));
    }
}
