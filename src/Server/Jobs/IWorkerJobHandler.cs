using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// What one kind of worker job adds to the common life cycle (queue, claim, progress, cancel, resume and finish live
/// in <see cref="JobCoordinator"/>). A new kind registers a handler and its worker-side runner.
/// </summary>
public interface IWorkerJobHandler
{
    WorkerJobKind Kind { get; }

    /// <summary>What the worker needs besides the options and the dataset (an experiment's generators); null when nothing.</summary>
    Task<IReadOnlyList<ExperimentModelRef>?> AssignmentModelsAsync(StudioDbContext db, TrainingJobOptions options, CancellationToken ct);

    /// <summary>The job (re)starts at <paramref name="step"/>: drop what a lost attempt left after it.</summary>
    Task ResetAsync(StudioDbContext db, WorkerJob job, long step);

}
