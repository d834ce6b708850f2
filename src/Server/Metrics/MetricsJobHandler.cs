using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Metrics;

/// <summary>Metrics jobs: the worker downloads the one model by id; nothing to resume, a restart starts over.</summary>
internal sealed class MetricsJobHandler : IWorkerJobHandler
{
    public WorkerJobKind Kind => WorkerJobKind.Metrics;

    public Task<IReadOnlyList<ExperimentModelRef>?> AssignmentModelsAsync(StudioDbContext db, TrainingJobOptions options, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ExperimentModelRef>?>(null);

    public Task ResetAsync(StudioDbContext db, WorkerJob job, long step) => Task.CompletedTask;
}
