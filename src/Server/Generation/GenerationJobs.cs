using MelanoGans.Server.Data;
using MelanoGans.Server.Events;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Generation;

/// <summary>Starts and stops generation jobs: a pool row in state Queued, then the queue. No role check here; callers check.</summary>
public sealed class GenerationJobs(IDbContextFactory<StudioDbContext> dbs, IModelReader models, GenerationJobQueue queue, JobProgressNotifier progress)
{
    public const int MaxCount = 10_000;
    public const double MaxTruncation = 10;

    public async Task<(OperationResult Result, int? PoolId)> StartAsync(GenerationRequest request, CancellationToken ct = default)
    {
        if (request.Count is < 1 or > MaxCount) return Fail($"Ask for 1 to {MaxCount:N0} images.");
        if (request.Seed < 0 || request.Seed > long.MaxValue - request.Count) return Fail("The seed must be a non-negative whole number.");
        if (request.Truncation is { } t && (double.IsNaN(t) || t < LatentSampler.MinTruncation || t > MaxTruncation))
            return Fail($"Truncation must lie between {LatentSampler.MinTruncation} and {MaxTruncation} (or be off).");
        var model = await models.FindAsync(request.ModelId, ct);
        if (model is null) return Fail("That model is not registered.");
        await using var db = await dbs.CreateDbContextAsync(ct);

        var name = string.IsNullOrWhiteSpace(request.PoolName) ? await DefaultNameAsync(db, model.Name, request, ct) : request.PoolName.Trim();
        if (name.Length > 200) return Fail("The pool name is longer than 200 characters.");
        if (await db.GeneratedPools.AnyAsync(p => p.Name == name, ct)) return Fail($"A pool called \"{name}\" already exists: choose another name.");

        var pool = new GeneratedPool
        {
            Name = name,
            ModelName = model.Name,
            ModelId = model.Id,
            Architecture = model.Architecture,
            Resolution = model.Resolution,
            Label = model.Class,
            Seed = request.Seed,
            Truncation = request.Truncation,
            RequestedCount = request.Count,
            State = JobState.Queued,
        };
        db.GeneratedPools.Add(pool);
        await db.SaveChangesAsync(ct);
        progress.Publish(new JobProgress(GenerationJobIds.For(pool.Id), GenerationJobIds.Kind, $"Generating {pool.Name}",
            0, pool.RequestedCount, JobState.Queued, null));
        queue.Enqueue(pool.Id);
        return (OperationResult.Ok, pool.Id);
    }

    public async Task<OperationResult> CancelAsync(int poolId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var state = await db.GeneratedPools.AsNoTracking().Where(p => p.Id == poolId).Select(p => (JobState?)p.State).SingleOrDefaultAsync(ct);
        if (state is null) return OperationResult.Fail("No such pool.");
        if (state is not (JobState.Queued or JobState.Running)) return OperationResult.Fail("The job has already finished.");
        if (queue.Cancel(poolId)) return OperationResult.Ok;
        // Not in this server's queue (it cannot happen after start-up re-queues, but a row must never stay Running).
        await db.GeneratedPools.Where(p => p.Id == poolId).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.State, JobState.Cancelled)
            .SetProperty(p => p.Message, "Cancelled before it started."), ct);
        return OperationResult.Ok;
    }

    private static async Task<string> DefaultNameAsync(StudioDbContext db, string modelName, GenerationRequest request, CancellationToken ct)
    {
        var truncation = request.Truncation is { } t ? FormattableString.Invariant($", truncation {t:0.##}") : "";
        var stem = FormattableString.Invariant($"{modelName}, seed {request.Seed}{truncation}");
        var taken = await db.GeneratedPools.Where(p => p.Name.StartsWith(stem)).Select(p => p.Name).ToListAsync(ct);
        var name = stem;
        for (var n = 2; taken.Contains(name); n++) name = $"{stem} #{n}";
        return name;
    }

    private static (OperationResult, int?) Fail(string error) => (OperationResult.Fail(error), null);
}
