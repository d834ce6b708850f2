using MelanoGans.Server.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Data;

/// <summary>
/// Several instances on PostgreSQL: what an instance held when it crashed (a claimed job, a connected worker, a study
/// half frozen) would stay held while the others live. Every <see cref="DatabaseOptions.InstanceCheckSeconds"/> each
/// instance takes, for every other instance named by an <see cref="IInstanceHoldings"/>, that instance's lock
/// (<see cref="StudioInstance"/>): the database frees it when the instance's sessions end, so a lock taken means the
/// instance is gone, and what it held is given back. The lock is held meanwhile, so of two instances sweeping at once
/// one does it. On SQLite there is one instance, and the start recovers what a stopped one left.
/// </summary>
internal sealed partial class StoppedInstanceSweeper(
    IServiceScopeFactory scopes,
    IEnumerable<IInstanceHoldings> holdings,
    StudioDatabaseLock locks,
    StudioInstance instance,
    IOptions<DatabaseOptions> database,
    ILogger<StoppedInstanceSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.Postgres) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(database.Value.InstanceCheckSeconds));
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
        var others = new HashSet<long>();
        foreach (var holding in holdings) others.UnionWith(await holding.Holders(db).Distinct().ToListAsync(ct));
        others.Remove(instance.Key);
        foreach (var key in others)
        {
            if (await locks.TryAcquireAsync(key, ct) is not { } gone) continue;
            await using (gone)
            {
                LogStopped(key);
                foreach (var holding in holdings) await holding.ReleaseAsync(scope.ServiceProvider, key, ct);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Server instance {Instance:x} is gone (its database lock is free): what it held is given back")]
    private partial void LogStopped(long instance);

    [LoggerMessage(LogLevel.Error, "Looking for what stopped instances held failed; trying again at the next check")]
    private partial void LogSweepFailed(Exception exception);
}
