using System.Diagnostics;
using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Server.Events;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Generation;

/// <summary>
/// Fills generated pools in the background, batch by batch: latents from each image's seed, ONNX Runtime,
/// PNG into the image store, one row per image. Each batch is saved before the next starts, so a stopped
/// server resumes a Queued or Running pool where it was (the seeds already stored are skipped).
/// </summary>
internal sealed class GenerationJobRunner(
    IServiceScopeFactory scopes,
    GenerationJobQueue queue,
    InferenceSessionCache sessions,
    IModelReader models,
    ImageStore images,
    JobProgressNotifier progress,
    IOptions<InferenceOptions> options,
    ILogger<GenerationJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await EnqueueUnfinishedAsync(stoppingToken);
        await foreach (var poolId in queue.ReadAllAsync(stoppingToken))
        {
            var jobToken = queue.TokenFor(poolId);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, jobToken);
            try
            {
                await RunAsync(poolId, linked.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the pool stays Running and resumes on the next start
            }
            catch (OperationCanceledException) when (jobToken.IsCancellationRequested)
            {
                await FinishAsync(poolId, JobState.Cancelled, null);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Generation of pool {PoolId} failed", poolId);
                await FinishAsync(poolId, JobState.Failed, e.Message);
            }
            finally
            {
                queue.Complete(poolId);
            }
        }
    }

    private async Task EnqueueUnfinishedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var unfinished = await db.GeneratedPools
            .Where(p => p.State == JobState.Queued || p.State == JobState.Running)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in unfinished) queue.Enqueue(id);
    }

    private async Task RunAsync(int poolId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var pool = await db.GeneratedPools.SingleAsync(p => p.Id == poolId, ct);
        ct.ThrowIfCancellationRequested();
        // A pool can be queued twice (the start-up scan and its request); the second time it is finished.
        if (pool.State is not (JobState.Queued or JobState.Running)) return;
        var model = pool.ModelId is { } modelId ? await models.FindAsync(modelId, ct) : null;
        if (model is null) throw new InvalidOperationException("The pool's model is no longer registered.");

        var stored = (await db.GeneratedImages.Where(i => i.PoolId == poolId).Select(i => i.Seed).ToListAsync(ct)).ToHashSet();
        var pending = Enumerable.Range(0, pool.RequestedCount).Select(i => pool.Seed + i).Where(s => !stored.Contains(s)).ToList();
        var done = pool.RequestedCount - pending.Count;
        pool.State = JobState.Running;
        pool.Message = null;
        await db.SaveChangesAsync(ct);
        Publish(pool, done, JobState.Running, "Loading the generator");

        var generator = await Task.Run(() => sessions.Get(model.Generator), ct);
        // Timed from here: the rate shown is the generator's, not the one-off cost of loading its session.
        var clock = Stopwatch.StartNew();
        foreach (var batch in pending.Chunk(options.Value.BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            var pngs = await Task.Run(() => PngRenderer.Render(generator, batch, pool.Truncation), ct);
            for (var i = 0; i < batch.Length; i++)
            {
                var sha = await images.PutAsync(pngs[i], CancellationToken.None);
                db.GeneratedImages.Add(new GeneratedImage { PoolId = poolId, Sha256 = sha, Seed = batch[i] });
            }
            // A whole batch is saved even when a cancel arrives meanwhile: its images are already in the store.
            await db.SaveChangesAsync(CancellationToken.None);
            done += batch.Length;
            Publish(pool, done, JobState.Running, $"{Rate(done - (pool.RequestedCount - pending.Count), clock)} on {generator.Device}");
        }

        pool.State = JobState.Succeeded;
        pool.Message = FormattableString.Invariant(
            $"{pending.Count} images in {clock.Elapsed.TotalSeconds:0.0} s ({Rate(pending.Count, clock)}) on {generator.Device}");
        await db.SaveChangesAsync(CancellationToken.None);
        Publish(pool, done, JobState.Succeeded, pool.Message);
        logger.LogInformation("Pool {PoolId} {Name}: {Message}", pool.Id, pool.Name, pool.Message);
    }

    private async Task FinishAsync(int poolId, JobState state, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        if (await db.GeneratedPools.FindAsync(poolId) is not { } pool) return;
        var done = await db.GeneratedImages.CountAsync(i => i.PoolId == poolId);
        pool.State = state;
        pool.Message = state == JobState.Cancelled ? $"Cancelled after {done} of {pool.RequestedCount} images." : error;
        await db.SaveChangesAsync();
        Publish(pool, done, state, pool.Message);
    }

    private void Publish(GeneratedPool pool, int done, JobState state, string? message) =>
        progress.Publish(new JobProgress(GenerationJobIds.For(pool.Id), GenerationJobIds.Kind, $"Generating {pool.Name}",
            done, pool.RequestedCount, state, message));

    private static string Rate(int images, Stopwatch clock) =>
        FormattableString.Invariant($"{images / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):0.0} images/s");
}
