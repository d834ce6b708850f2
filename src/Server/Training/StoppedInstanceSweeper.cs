using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Training;

/// <summary>
/// Several instances on PostgreSQL: a job claimed through an instance that then crashed would stay "running" while the
/// others live, since its worker's disconnect was never handled. Every <see cref="TrainingOptions.InstanceCheckSeconds"/>
/// each instance takes, for every other instance named on a held job, that instance's lock (<see cref="StudioInstance"/>):
/// the database frees it when the instance's sessions end, so a lock taken means the instance is gone, and its jobs go
/// back to the queue, kept for their workers to resume, and its workers leave the list of connected workers. The lock is held while they are requeued, so of two instances
/// sweeping at once one does it. On SQLite there is one instance, and the start recovers what a stopped one left.
/// </summary>
internal sealed partial class StoppedInstanceSweeper(
    IServiceScopeFactory scopes,
    StudioDatabaseLock locks,
    StudioInstance instance,
    IOptions<DatabaseOptions> database,
    IOptions<TrainingOptions> options,
    ILogger<StoppedInstanceSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.InstanceCheckSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e);
            }
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var others = (await db.TrainingJobs
                .Where(j => TrainingCoordinator.Held.Contains(j.State) && j.InstanceKey != null && j.InstanceKey != instance.Key)
                .Select(j => j.InstanceKey!.Value).Distinct().ToListAsync(ct))
            .Union(await db.WorkerConnections.Where(c => c.InstanceKey != instance.Key).Select(c => c.InstanceKey).Distinct().ToListAsync(ct));
        foreach (var key in others)
        {
            if (await locks.TryAcquireAsync(key, ct) is not { } gone) continue;
            await using (gone)
            {
                LogStopped(key);
                await db.WorkerConnections.Where(c => c.InstanceKey == key).ExecuteDeleteAsync(ct);
                await scope.ServiceProvider.GetRequiredService<TrainingCoordinator>().ReleaseInstanceAsync(key, "its server instance stopped");
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Server instance {Instance:x} is gone (its database lock is free): its jobs go back to the queue")]
    private partial void LogStopped(long instance);

    [LoggerMessage(LogLevel.Error, "Looking for the jobs of stopped instances failed; trying again at the next check")]
    private partial void LogSweepFailed(Exception exception);
}
