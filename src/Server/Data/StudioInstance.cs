namespace MelanoGans.Server.Data;

/// <summary>
/// This running instance, as the other instances on the database know it: the key of the lock it holds for its
/// lifetime (<see cref="StudioDatabaseLock.Instance"/>), written on what it holds (<see cref="IInstanceHoldings"/>).
/// Released when the host disposes it.
/// </summary>
public sealed partial class StudioInstance(StudioDatabaseLock locks, ILogger<StudioInstance> logger) : IAsyncDisposable
{
    private IAsyncDisposable? _lock;

    public long Key { get; } = StudioDatabaseLock.Instance((uint)Random.Shared.NextInt64(1, uint.MaxValue));

    /// <summary>
    /// Takes this instance's lock at start, and takes it again when its session ended under it (a database restart or
    /// a network blip frees every session's locks). True while held; false while another instance holds it for a
    /// moment to see whether this one is alive: try again at the next check. Called from one place at a time (the start,
    /// then <see cref="StoppedInstanceSweeper"/>).
    /// </summary>
    public async Task<bool> HoldAsync(CancellationToken ct = default)
    {
        if (_lock is not null)
        {
            if (await StudioDatabaseLock.StillHeldAsync(_lock, ct)) return true;
            await _lock.DisposeAsync();
            _lock = null;
            LogLost(Key);
        }

        _lock = await locks.TryAcquireAsync(Key, ct);
        return _lock is not null;
    }

    public ValueTask DisposeAsync() => _lock?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "This instance's database lock ({Instance:x}) ended with its session; taking it again")]
    private partial void LogLost(long instance);
}
