using System.Collections.Concurrent;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// Where every long job (imports, generation, training, experiments) reports progress: each report goes out on
/// the event bus as a <see cref="JobProgress"/> event, and the last one of each job is kept so a page opened
/// mid-job shows where it is: this instance's jobs and, with Redis, the other instances' (from their events).
/// </summary>
public sealed class JobProgressNotifier : IJobProgressFeed, IDisposable
{
    private readonly ConcurrentDictionary<string, JobProgress> _current = new();
    private readonly IStudioEvents _events;
    private readonly IDisposable _others;

    public JobProgressNotifier(IStudioEvents events)
    {
        _events = events;
        // Every report, this instance's or another's, arrives here too: a page on this instance sees jobs running on others.
        _others = events.Subscribe<JobProgress>(p => _current[p.JobId] = p);
    }

    public IReadOnlyCollection<JobProgress> Current => _current.Values.ToList();

    public void Publish(JobProgress progress)
    {
        _current[progress.JobId] = progress;
        _events.Publish(progress);
    }

    public void Dispose() => _others.Dispose();
}
