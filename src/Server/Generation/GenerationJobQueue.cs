using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MelanoGans.Server.Generation;

/// <summary>
/// Pools waiting to be generated, one job at a time (inference already uses every core), each with a
/// cancellation source that the models page can trigger while the job is queued or running.
/// </summary>
public sealed class GenerationJobQueue
{
    private readonly Channel<int> _pools = Channel.CreateUnbounded<int>();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _cancellations = new();

    public void Enqueue(int poolId)
    {
        _cancellations.TryAdd(poolId, new CancellationTokenSource());
        _pools.Writer.TryWrite(poolId);
    }

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken ct) => _pools.Reader.ReadAllAsync(ct);

    /// <summary>Cancelled when an admin stops the job.</summary>
    public CancellationToken TokenFor(int poolId) => _cancellations.GetOrAdd(poolId, _ => new CancellationTokenSource()).Token;

    /// <summary>Signals the job to stop; false when the queue holds no such job (finished or never queued).</summary>
    public bool Cancel(int poolId)
    {
        if (!_cancellations.TryGetValue(poolId, out var source)) return false;
        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false; // finished between the look-up and the cancel
        }
    }

    /// <summary>Forgets a finished job.</summary>
    public void Complete(int poolId)
    {
        if (_cancellations.TryRemove(poolId, out var source)) source.Dispose();
    }
}
