using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Experiments;

/// <summary>Class-imbalance experiments: the worker gets the generators by name; no checkpoint, so a restart starts over.</summary>
internal sealed class ExperimentJobHandler : IWorkerJobHandler
{
    public WorkerJobKind Kind => WorkerJobKind.Experiment;

    public async Task<IReadOnlyList<ExperimentModelRef>?> AssignmentModelsAsync(StudioDbContext db, TrainingJobOptions options, CancellationToken ct)
    {
        var modelIds = options.Experiment?.ModelIds ?? [];
        var models = await db.GeneratorModels.AsNoTracking().Where(m => modelIds.Contains(m.Id))
            .Select(m => new ExperimentModelRef(m.Id, m.Name)).ToListAsync(ct);
        // A model deleted since the start keeps its place under its id, so the worker reports why it is missing.
        return [.. modelIds.Select(id => models.FirstOrDefault(m => m.Id == id) ?? new ExperimentModelRef(id, $"model {id}"))];
    }

    // Classifiers of a lost attempt go: the experiment runs them all again.
    public Task ResetAsync(StudioDbContext db, WorkerJob job, long step) =>
        db.ExperimentRuns.Where(r => r.JobId == job.Id).ExecuteDeleteAsync();
}
