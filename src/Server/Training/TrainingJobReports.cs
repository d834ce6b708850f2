using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Training;

/// <summary>
/// What a worker reports about a training run: ticks (kept for the loss chart), sample grids and, at the end, the
/// exported generator, which the model registry must accept for the run to succeed. The holding rules are the
/// life cycle's (<see cref="JobCoordinator"/>).
/// </summary>
internal sealed class TrainingJobReports(StudioDbContext db, JobCoordinator coordinator, WorkerJobNotifier notifier, ImageStore images)
    : IJobProgressHandler<TrainingTick>
{
    public Task ProgressAsync(long jobId, string connectionId, TrainingTick tick) =>
        coordinator.ProgressAsync(jobId, connectionId, new JobStep(tick.Step, tick.TotalSteps, tick.Epoch, tick.ImagesPerSecond),
            job =>
            {
                db.TrainingTicks.Add(new TrainingTickRecord
                {
                    JobId = job.Id,
                    Step = tick.Step,
                    Epoch = tick.Epoch,
                    TotalSteps = tick.TotalSteps,
                    LossD = tick.LossD,
                    LossG = tick.LossG,
                    LossR1 = tick.LossR1,
                    ImagesPerSecond = tick.ImagesPerSecond,
                    ElapsedSeconds = tick.ElapsedSeconds,
                    Fd = tick.Fd,
                    Kid = tick.Kid,
                });
                return Task.CompletedTask;
            },
            summary => new TrainingUpdate(summary, tick, null, false));

    public async Task<bool> AddGridAsync(long jobId, int tokenId, long step, byte[] png, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, tokenId, ct);
        if (job is null) return false;
        var sha = await images.PutAsync(png, ct);
        var grid = new TrainingGrid { JobId = jobId, Step = step, Sha256 = sha };
        db.TrainingGrids.Add(grid);
        job.LatestGridSha256 = sha;
        await db.SaveChangesAsync(ct);
        notifier.Publish(new TrainingUpdate(JobCoordinator.ToSummary(job), null, new TrainingGridView(step, sha, grid.CreatedAt), false));
        return true;
    }

    /// <summary>Hands the exported generator to the registry; the job succeeds only when the model is accepted.</summary>
    public async Task<ModelRegistration> CompleteAsync(long jobId, int tokenId, byte[] onnx, byte[] manifest, IModelRegistry? registry, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, tokenId, ct)
            ?? throw new InvalidOperationException($"Job {jobId} is not held by this worker.");
        var registration = registry is null
            ? new ModelRegistration(null, ["This server has no model registry."])
            : await registry.RegisterAsync(onnx, manifest, $"training job {jobId}", job.DatasetId, ct);
        if (registration.ModelId is { } modelId)
        {
            job.ModelId = modelId;
            job.Step = job.TotalSteps;
            await coordinator.FinishAsync(job, TrainingJobState.Succeeded, $"Registered as model {modelId}.", ct);
        }
        else
        {
            await coordinator.FinishAsync(job, TrainingJobState.Failed, "The model was refused: " + string.Join(" ", registration.Errors), ct);
        }
        return registration;
    }
}
