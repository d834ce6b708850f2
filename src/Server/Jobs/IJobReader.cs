using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// What the job kinds' pages may know of worker jobs (training, experiments and metrics ask here and never read the
/// jobs' table); changes go through <see cref="JobCoordinator"/>.
/// </summary>
public interface IJobReader
{
    /// <summary>The newest <paramref name="take"/> jobs of <paramref name="kind"/>, newest first.</summary>
    Task<IReadOnlyList<TrainingJobSummary>> ListAsync(WorkerJobKind kind, int take, CancellationToken ct = default);

    /// <summary>One job of <paramref name="kind"/>; null when there is none with this id and kind.</summary>
    Task<TrainingJobSummary?> FindAsync(long jobId, WorkerJobKind kind, CancellationToken ct = default);
}

internal sealed class JobReader(IDbContextFactory<StudioDbContext> dbs) : IJobReader
{
    public async Task<IReadOnlyList<TrainingJobSummary>> ListAsync(WorkerJobKind kind, int take, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var jobs = await db.WorkerJobs.AsNoTracking().Where(j => j.Kind == kind).OrderByDescending(j => j.Id).Take(take).ToListAsync(ct);
        return jobs.Select(JobCoordinator.ToSummary).ToList();
    }

    public async Task<TrainingJobSummary?> FindAsync(long jobId, WorkerJobKind kind, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var job = await db.WorkerJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.Kind == kind, ct);
        return job is null ? null : JobCoordinator.ToSummary(job);
    }
}
