using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Training;

/// <summary>The training pages' service; every call checks that the circuit's user is an admin.</summary>
internal sealed class TrainingJobs(IDbContextFactory<StudioDbContext> dbs, OperationScopes scopes, CurrentUser current, IDatasetReader datasets, IJobReader jobs) : ITrainingJobs
{
    public async Task<IReadOnlyList<TrainingJobSummary>> ListAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await jobs.ListAsync(WorkerJobKind.Training, 200, ct);
    }

    public async Task<TrainingJobDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        var job = await jobs.FindAsync(id, WorkerJobKind.Training, ct);
        if (job is null) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticks = await db.TrainingTicks.AsNoTracking().Where(t => t.JobId == id).OrderBy(t => t.Step).ToListAsync(ct);
        var grids = await db.TrainingGrids.AsNoTracking().Where(g => g.JobId == id).OrderBy(g => g.Step).ToListAsync(ct);
        return new TrainingJobDetail(
            job,
            ticks.Select(t => new TrainingTick
            {
                Step = t.Step,
                Epoch = t.Epoch,
                TotalSteps = t.TotalSteps,
                LossD = t.LossD,
                LossG = t.LossG,
                LossR1 = t.LossR1,
                ImagesPerSecond = t.ImagesPerSecond,
                ElapsedSeconds = t.ElapsedSeconds,
                Fd = t.Fd,
                Kid = t.Kid,
            }).ToList(),
            grids.Select(g => new TrainingGridView(g.Step, g.Sha256, g.CreatedAt)).ToList());
    }

    public async Task<(OperationResult Result, long? JobId)> StartAsync(TrainingJobOptions options, CancellationToken ct = default)
    {
        var user = (await current.RequireAsync(Roles.Admin, ct)).UserName;
        if (options.Kind == WorkerJobKind.Experiment) return (OperationResult.Fail("Experiments are started from the Experiments page."), null);
        // A metrics job has its own checks (the model, its data, one at a time): it is started from the Models page.
        if (options.Kind == WorkerJobKind.Metrics) return (OperationResult.Fail("Metrics are started from the Models page."), null);
        var problems = options.Problems().ToList();
        var dataset = await datasets.FindAsync(options.DatasetId, ct);
        if (dataset is null) problems.Add("Choose a dataset.");
        else if (dataset.NotReady is { } notReady) problems.Add(notReady);
        else
        {
            var className = string.IsNullOrWhiteSpace(options.Class) ? null : options.Class.Trim();
            var images = (await datasets.ClassesAsync(dataset.Id, ct)).Where(c => className == null || c.Label == className).Sum(c => c.Images);
            if (images < options.Batch)
                problems.Add($"{dataset.Name}{(className is null ? "" : " / " + className)} has {images} images, fewer than one batch of {options.Batch}.");
            options = options with { Class = className };
        }

        if (problems.Count > 0) return (OperationResult.Fail([.. problems]), null);
        var title = $"{options.Architecture} {options.Resolution}x{options.Resolution} on {dataset!.Name}{(options.Class is null ? "" : " / " + options.Class)}";
        var id = await scopes.RunAsync((JobCoordinator c) => c.EnqueueAsync(options, title, user, ct));
        return (OperationResult.Ok, id);
    }

    public async Task<OperationResult> CancelAsync(long id, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await scopes.RunAsync((JobCoordinator c) => c.RequestCancelAsync(id, WorkerJobKind.Training, ct));
    }
}
