using System.Collections.Concurrent;

namespace MelanoGans.Server.Studies;

/// <summary>
/// One submit at a time per rater and study on this instance. A double press, a reconnect or a second tab sends the
/// same answer twice at once; in turn, the second reads the first's answer and is told it was answered, instead of
/// failing on the unique index (which EF Core logs as two errors). Submits of different raters never wait on each
/// other. Across instances the unique index still decides.
/// </summary>
internal sealed class RaterGate
{
    private readonly ConcurrentDictionary<(int StudyId, string RaterId), SemaphoreSlim> _gates = new();

    public async Task<IDisposable> EnterAsync(int studyId, string raterId, CancellationToken ct = default)
    {
        // One small semaphore per rater of a study, kept for the instance's life: a study has hundreds of raters at most.
        var gate = _gates.GetOrAdd((studyId, raterId), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
