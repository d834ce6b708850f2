using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>Records what the start form sends and lists <see cref="Listed"/>; the rest is not used by the components under test.</summary>
public sealed class FakeTrainingJobs : ITrainingJobs
{
    public List<TrainingJobOptions> Started { get; } = [];

    public Task<(OperationResult Result, long? JobId)> StartAsync(TrainingJobOptions options, CancellationToken ct = default)
    {
        Started.Add(options);
        return Task.FromResult<(OperationResult, long?)>((OperationResult.Ok, Started.Count));
    }

    /// <summary>What the jobs list returns.</summary>
    public List<TrainingJobSummary> Listed { get; } = [];

    public Task<IReadOnlyList<TrainingJobSummary>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<TrainingJobSummary>>(Listed);

    public Task<TrainingJobDetail?> GetAsync(long id, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<OperationResult> CancelAsync(long id, CancellationToken ct = default) => throw new NotSupportedException();
}
