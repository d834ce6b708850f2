using System.Collections.Concurrent;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// Where every long job (imports, generation, training, experiments) reports progress: each report goes out on
/// the event bus as a <see cref="JobProgress"/> event, and the last one of each job is kept so a page opened
/// mid-job shows where it is.
/// </summary>
public sealed class JobProgressNotifier(IStudioEvents events) : IJobProgressFeed
{
    private readonly ConcurrentDictionary<string, JobProgress> _current = new();

    public IReadOnlyCollection<JobProgress> Current => _current.Values.ToList();

    public void Publish(JobProgress progress)
    {
        _current[progress.JobId] = progress;
        events.Publish(progress);
    }
}
