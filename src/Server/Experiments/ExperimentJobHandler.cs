using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Experiments;

/// <summary>Class-imbalance experiments: the worker gets the generators by name; no checkpoint, so a restart starts over.</summary>
internal sealed class ExperimentJobHandler(IModelReader models) : IWorkerJobHandler
{
    public WorkerJobKind Kind => WorkerJobKind.Experiment;

    public async Task<IReadOnlyList<ExperimentModelRef>?> AssignmentModelsAsync(StudioDbContext db, TrainingJobOptions options, CancellationToken ct)
    {
        var modelIds = options.Experiment?.ModelIds ?? [];
        var found = await models.FindManyAsync(modelIds, ct);
        // A model deleted since the start keeps its place under its id, so the worker reports why it is missing.
        return [.. modelIds.Select(id => new ExperimentModelRef(id, found.FirstOrDefault(m => m.Id == id)?.Name ?? $"model {id}"))];
    }

    // Classifiers of a lost attempt go: the experiment runs them all again.
    public Task ResetAsync(StudioDbContext db, WorkerJob job, long step) =>
        db.ExperimentRuns.Where(r => r.JobId == job.Id).ExecuteDeleteAsync();
}
