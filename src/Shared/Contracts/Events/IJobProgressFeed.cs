using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Contracts.Events;

/// <summary>The latest progress of the server's long jobs; every change also arrives as a <see cref="JobProgress"/> event on <see cref="IStudioEvents"/>.</summary>
public interface IJobProgressFeed
{
    /// <summary>The latest snapshot of every job seen since start.</summary>
    IReadOnlyCollection<JobProgress> Current { get; }
}
