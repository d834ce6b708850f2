namespace MelanoGans.Server.Data;

/// <summary>
/// This running instance, as the other instances on the database know it. It holds two locks for its lifetime: its own
/// (<see cref="StudioDatabaseLock.Instance"/>, its key written on what it holds, <see cref="IInstanceHoldings"/>), by
/// which the others see it alive, and the presence lock shared by every running instance
/// (<see cref="StudioDatabaseLock.Instances"/>), by which a starting instance knows whether it is alone. Both are
/// released when the host disposes it.
/// </summary>
public sealed partial class StudioInstance(StudioDatabaseLock locks, ILogger<StudioInstance> logger) : IAsyncDisposable
{
    private IAsyncDisposable? _own;
    private IAsyncDisposable? _present;

    public long Key { get; } = StudioDatabaseLock.Instance((uint)Random.Shared.NextInt64(1, uint.MaxValue));

    /// <summary>
    /// Takes the two locks at start, and takes either again when its session ended under it (a database restart or a
    /// network blip frees every session's locks). True while this instance's own lock is held; false while another
    /// instance holds it for a moment to see whether this one is alive: try again at the next check. Called from one
    /// place at a time (the start, then <see cref="StoppedInstanceSweeper"/>).
    /// </summary>
    public async Task<bool> HoldAsync(CancellationToken ct = default)
    {
        _present = await StudioDatabaseLock.KeepAsync(_present,
            async () => await locks.AcquireSharedAsync(StudioDatabaseLock.Instances, ct), () => LogLost("presence", Key), ct);
        _own = await StudioDatabaseLock.KeepAsync(_own, () => locks.TryAcquireAsync(Key, ct), () => LogLost("own", Key), ct);
        return _own is not null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null) await _own.DisposeAsync();
        if (_present is not null) await _present.DisposeAsync();
    }

    [LoggerMessage(LogLevel.Warning, "This instance's {Which} database lock ({Instance:x}) ended with its session; taking it again")]
    private partial void LogLost(string which, long instance);
}
