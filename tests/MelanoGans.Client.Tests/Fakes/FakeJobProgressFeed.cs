using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>The latest job snapshots a test puts in (none by default).</summary>
public sealed class FakeJobProgressFeed : IJobProgressFeed
{
    public List<JobProgress> Jobs { get; } = [];

    public IReadOnlyCollection<JobProgress> Current => Jobs.ToList();
}
