using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// Records every progress snapshot published while it lives (subscribe before starting a job, so a quick
/// job's snapshots are not missed) and waits for a job to reach a point.
/// </summary>
public sealed class ProgressWaiter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JobProgress> _seen = [];
    private readonly IDisposable _subscription;

    public ProgressWaiter(IStudioEvents events) => _subscription = events.Subscribe<JobProgress>(OnChanged);

    /// <summary>The snapshots of one job, in the order they were published.</summary>
    public IReadOnlyList<JobProgress> Of(string jobId)
    {
        lock (_gate) return _seen.Where(p => p.JobId == jobId).ToList();
    }

    /// <summary>The first snapshot with some work done (to cancel a job mid-run).</summary>
    public Task<JobProgress> StartedAsync(string jobId, TimeSpan timeout) => WaitAsync(jobId, p => p.Done > 0, timeout);

    /// <summary>The snapshot that finished the job.</summary>
    public Task<JobProgress> FinishedAsync(string jobId, TimeSpan timeout) => WaitAsync(jobId, p => p.IsFinished, timeout);

    public void Dispose() => _subscription.Dispose();

    private async Task<JobProgress> WaitAsync(string jobId, Func<JobProgress, bool> reached, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Of(jobId).FirstOrDefault(reached) is { } progress) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{jobId} did not get there in {timeout}; seen: {string.Join("; ", Of(jobId))}");
            await Task.Delay(20);
        }
    }

    private void OnChanged(JobProgress progress)
    {
        lock (_gate) _seen.Add(progress);
    }
}
