using System.Collections.Concurrent;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// The in-process progress bus: background jobs publish, pages subscribe. Keeps the last snapshot of
/// each job so a page opened mid-job shows where it is.
/// </summary>
public sealed class JobProgressNotifier : IJobProgressFeed
{
    private readonly ConcurrentDictionary<string, JobProgress> _current = new();

    public event Action<JobProgress>? Changed;

    public IReadOnlyCollection<JobProgress> Current => _current.Values.ToList();

    public void Publish(JobProgress progress)
    {
        _current[progress.JobId] = progress;
        Changed?.Invoke(progress);
    }
}
