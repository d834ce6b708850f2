using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Live progress of the server's long jobs, in process (pages already run on a circuit).</summary>
public interface IJobProgressFeed
{
    /// <summary>Raised on a background thread for every update; handlers must marshal to the renderer.</summary>
    event Action<JobProgress>? Changed;

    /// <summary>The latest snapshot of every job seen since start.</summary>
    IReadOnlyCollection<JobProgress> Current { get; }
}
