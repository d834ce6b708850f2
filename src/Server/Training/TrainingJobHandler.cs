using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Training;

/// <summary>GAN training runs: resumable from the worker's checkpoint; they finish by registering the exported generator.</summary>
internal sealed class TrainingJobHandler : IWorkerJobHandler
{
    public WorkerJobKind Kind => WorkerJobKind.Training;

    public Task<IReadOnlyList<ExperimentModelRef>?> AssignmentModelsAsync(StudioDbContext db, TrainingJobOptions options, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ExperimentModelRef>?>(null);

    public async Task ResetAsync(StudioDbContext db, WorkerJob job, long step)
    {
        // Ticks and grids after the checkpoint belong to the lost attempt.
        await db.TrainingTicks.Where(t => t.JobId == job.Id && t.Step > step).ExecuteDeleteAsync();
        await db.TrainingGrids.Where(g => g.JobId == job.Id && g.Step > step).ExecuteDeleteAsync();
        job.LatestGridSha256 = await db.TrainingGrids.Where(g => g.JobId == job.Id).OrderByDescending(g => g.Step)
            .Select(g => g.Sha256).FirstOrDefaultAsync();
    }
}
