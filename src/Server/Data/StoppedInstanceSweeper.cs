using MelanoGans.Server.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Data;

/// <summary>
/// Several instances on PostgreSQL: what an instance held when it crashed (a claimed job, a connected worker, a study
/// half frozen) would stay held while the others live. Every <see cref="DatabaseOptions.InstanceCheckSeconds"/> each
/// instance first makes sure it holds its own lock (<see cref="StudioInstance.HoldAsync"/>), then tries, for every
/// other instance named by an <see cref="IInstanceHoldings"/>, that instance's lock: the database frees it when the
/// instance's sessions end. A lock free at one check is not enough (a database restart or a network blip frees every
/// lock, and each live instance takes its own again at its next check): an instance whose lock is free at two checks in
/// a row is gone, and what it held is given back, under its lock, so of two instances sweeping at once one does it.
/// On SQLite there is one instance, and the start recovers what a stopped one left.
/// </summary>
internal sealed partial class StoppedInstanceSweeper(
    IServiceScopeFactory scopes,
    IEnumerable<IInstanceHoldings> holdings,
    StudioDatabaseLock locks,
    StudioInstance instance,
    IOptions<DatabaseOptions> database,
    ILogger<StoppedInstanceSweeper> logger) : BackgroundService
{
    private HashSet<long> _freeLastTime = [];
    private long _sweeps;

    /// <summary>
    /// Sweeps completed while this instance held its own lock: what an observer waits on to know the instance has
    /// looked (a test showing that a live instance's job was left alone waits for two, instead of for a time).
    /// </summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

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
        // Without its own lock this instance would look gone to the others; it sweeps no one until it holds it again.
        if (!await instance.HoldAsync(ct)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var others = new HashSet<long>();
        foreach (var holding in holdings) others.UnionWith(await holding.Holders(db).Distinct().ToListAsync(ct));
        others.Remove(instance.Key);
        var free = new HashSet<long>();
        foreach (var key in others)
        {
            if (await locks.TryAcquireAsync(key, ct) is not { } taken) continue;
            await using (taken)
            {
                free.Add(key);
                if (!_freeLastTime.Contains(key)) continue;
                LogStopped(key);
                foreach (var holding in holdings) await holding.ReleaseAsync(scope.ServiceProvider, key, ct);
            }
        }

        _freeLastTime = free;
        Interlocked.Increment(ref _sweeps);
    }

    [LoggerMessage(LogLevel.Warning, "Server instance {Instance:x} is gone (its database lock was free at two checks in a row): what it held is given back")]
    private partial void LogStopped(long instance);

    [LoggerMessage(LogLevel.Error, "Looking for what stopped instances held failed; trying again at the next check")]
    private partial void LogSweepFailed(Exception exception);
}
