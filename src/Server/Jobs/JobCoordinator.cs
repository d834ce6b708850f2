using System.Globalization;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// The life cycle of worker jobs of every kind in the database: queue with a number per kind, atomic claim, progress,
/// one finish path, cancel and interruption. The hub, the worker endpoints and the pages' services all go through
/// here, so the rules (only the holding connection or token may report, finished jobs stay finished) live in one
/// place; what a kind adds comes from its <see cref="IWorkerJobHandler"/>.
/// </summary>
internal sealed class JobCoordinator(
    StudioDbContext db,
    StudioInstance instance,
    IEnumerable<IWorkerJobHandler> handlers,
    IDatasetReader datasets,
    WorkerJobNotifier notifier,
    IHubContext<WorkerHub> hub,
    IOptions<WorkerOptions> options,
    ILogger<JobCoordinator> logger)
{
    /// <summary>How the job's options are stored (camelCase, the web defaults).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The states in which a worker holds a job.</summary>
    internal static readonly TrainingJobState[] Held = [TrainingJobState.Claimed, TrainingJobState.Running];

    public async Task<long> EnqueueAsync(TrainingJobOptions jobOptions, string title, string? createdBy, CancellationToken ct) =>
        (await EnqueueUnlessAsync(jobOptions, title, createdBy, (_, _) => Task.FromResult<string?>(null), ct)).JobId!.Value;

    /// <summary>
    /// Queues the job unless <paramref name="refusal"/>, asked inside the queuing transaction (so a double click or a
    /// second admin sees the first one's job), gives a reason; then nothing is queued and the reason is returned.
    /// </summary>
    public async Task<(long? JobId, string? Refusal)> EnqueueUnlessAsync(
        TrainingJobOptions jobOptions, string title, string? createdBy, Func<IQueryable<WorkerJob>, CancellationToken, Task<string?>> refusal, CancellationToken ct)
    {
        var kind = jobOptions.Kind;
        // The next number of the kind and the row in one transaction that holds the write lock from its start.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        if (await refusal(db.WorkerJobs.AsNoTracking(), ct) is { } reason) return (null, reason);
        var number = (await db.WorkerJobs.Where(j => j.Kind == kind).MaxAsync(j => (int?)j.Number, ct) ?? 0) + 1;
        var job = new WorkerJob
        {
            Kind = kind,
            Number = number,
            Title = title,
            RunKey = Guid.NewGuid().ToString("N"),
            OptionsJson = JsonSerializer.Serialize(jobOptions, Json),
            DatasetId = jobOptions.DatasetId,
            State = TrainingJobState.Queued,
            CreatedBy = createdBy,
        };
        db.WorkerJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(job);
        await SignalWorkersAsync(c => c.All.SendAsync(TrainingHubContract.JobQueued, ct), "a job is queued");
        return (job.Id, null);
    }

    /// <summary>
    /// Gives the oldest claimable job to this worker, preferring one it was interrupted on (it holds the
    /// checkpoint). The state change is a single conditional UPDATE, so of two racing workers exactly one wins.
    /// </summary>
    public async Task<TrainingAssignment?> ClaimAsync(WorkerHello hello, int tokenId, string connectionId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = DateTimeOffset.UtcNow;
            var candidate = await db.WorkerJobs.AsNoTracking()
                .Where(j => j.State == TrainingJobState.Queued && !j.CancelRequested)
                .Where(j => j.ReservedFor == null || j.ReservedFor == hello.Name || j.ReservedUntil < now)
                .OrderByDescending(j => j.ReservedFor == hello.Name).ThenBy(j => j.Id)
                .Select(j => (long?)j.Id).FirstOrDefaultAsync(ct);
            if (candidate is not { } id) return null;

            var won = await db.WorkerJobs
                .Where(j => j.Id == id && j.State == TrainingJobState.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, TrainingJobState.Claimed)
                    .SetProperty(j => j.Worker, hello.Name)
                    .SetProperty(j => j.Device, hello.Device)
                    .SetProperty(j => j.WorkerTokenId, tokenId)
                    .SetProperty(j => j.ConnectionId, connectionId)
                    .SetProperty(j => j.InstanceKey, instance.Key)
                    .SetProperty(j => j.ReservedFor, (string?)null)
                    .SetProperty(j => j.ReservedUntil, (DateTimeOffset?)null), ct);
            if (won != 1) continue; // another worker was faster; look again

            var job = await db.WorkerJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
            var dataset = await datasets.FindAsync(job.DatasetId, ct) ?? throw new HubException($"The dataset of job {id} is gone.");
            Publish(job);
            logger.LogInformation("{Job} ({JobId}) claimed by {Worker} ({Device})", WorkerJobStates.Label(job.Kind, job.Number), id, hello.Name, hello.Device);
            var jobOptions = OptionsOf(job);
            var models = await HandlerOf(job.Kind).AssignmentModelsAsync(db, jobOptions, ct);
            return new TrainingAssignment(job.Id, job.RunKey, jobOptions, dataset.Name, dataset.ImageCount, models is null ? null : [.. models]);
        }

        return null;
    }

    /// <summary>The run (re)started at <see cref="TrainingStart.Step"/>: ticks and grids after it belong to a lost attempt.</summary>
    public async Task StartedAsync(long jobId, string connectionId, TrainingStart start)
    {
        var job = await HeldByConnectionAsync(jobId, connectionId);
        await HandlerOf(job.Kind).ResetAsync(db, job, start.Step);
        job.MoveTo(TrainingJobState.Running, start.Step > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Resumed from the checkpoint at step {start.Step}.")
            : null);
        job.Step = start.Step;
        job.TotalSteps = start.TotalSteps;
        job.Device = start.Device;
        job.StartedAt ??= DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        notifier.Publish(new TrainingUpdate(ToSummary(job), null, null, Restarted: true));
    }

    /// <summary>
    /// Progress of a held job of any kind, the one path every kind's report takes: the kind records what it adds
    /// (<paramref name="record"/>: a tick, a finished classifier), the job moves to running with the new position, is
    /// saved and announced (<paramref name="update"/> adds the kind's part of the page event).
    /// </summary>
    public async Task<WorkerJob> ProgressAsync(long jobId, string connectionId, JobStep step,
        Func<WorkerJob, Task>? record = null, Func<TrainingJobSummary, TrainingUpdate>? update = null)
    {
        var job = await HeldByConnectionAsync(jobId, connectionId);
        if (record is not null) await record(job);
        job.MoveTo(TrainingJobState.Running, step.Message ?? job.Message);
        job.Step = step.Step;
        job.TotalSteps = step.TotalSteps;
        if (step.Epoch is { } epoch) job.Epoch = epoch;
        if (step.ImagesPerSecond is { } imagesPerSecond) job.ImagesPerSecond = imagesPerSecond;
        await db.SaveChangesAsync();
        var summary = ToSummary(job);
        notifier.Publish(update?.Invoke(summary) ?? new TrainingUpdate(summary, null, null, false));
        return job;
    }

    public async Task CancelledAsync(long jobId, string connectionId, long step)
    {
        var job = await HeldByConnectionAsync(jobId, connectionId);
        // A worker cancelled before it could count steps (or an experiment, which has no step of its own) says 0.
        await FinishAsync(job, TrainingJobState.Cancelled, string.Create(CultureInfo.InvariantCulture, $"Cancelled at step {Math.Max(step, job.Step)}."), default);
    }

    public async Task FailedAsync(long jobId, string connectionId, string message)
    {
        var job = await HeldByConnectionAsync(jobId, connectionId);
        await FinishAsync(job, TrainingJobState.Failed, message, default);
    }

    /// <summary>
    /// A worker went away mid-run. Its job is queued again and kept for that worker for
    /// <see cref="WorkerOptions.ResumeGraceSeconds"/>: the worker's run directory holds the checkpoint, so when it
    /// reconnects it resumes there. After the grace period any worker may take the job and start over.
    /// </summary>
    public Task ReleaseAsync(string? connectionId, string reason) =>
        ReleaseAsync(connectionId is null ? held => held : held => held.Where(j => j.ConnectionId == connectionId), reason);

    /// <summary>As <see cref="ReleaseAsync(string?, string)"/> for every job held through an instance that has stopped or died.</summary>
    public Task ReleaseInstanceAsync(long instanceKey, string reason) =>
        ReleaseAsync(held => held.Where(j => j.InstanceKey == instanceKey), reason);

    private async Task ReleaseAsync(Func<IQueryable<WorkerJob>, IQueryable<WorkerJob>> which, string reason) =>
        await RequeueAsync(await which(db.WorkerJobs.AsNoTracking().Where(j => Held.Contains(j.State))).ToListAsync(), reason);

    /// <summary>
    /// Queues each job read as held again, kept for its worker, or cancels it when a cancel has been asked for: an
    /// admin's cancel may land between the read and this, so one conditional update per job decides (requeued only
    /// while no cancel is asked, else cancelled), never a save of what was read.
    /// </summary>
    internal async Task RequeueAsync(IReadOnlyList<WorkerJob> held, string reason)
    {
        foreach (var job in held)
        {
            var now = DateTimeOffset.UtcNow;
            var reservedUntil = now.AddSeconds(options.Value.ResumeGraceSeconds);
            var interrupted = string.Create(CultureInfo.InvariantCulture,
                $"Interrupted at step {job.Step} ({reason}). Queued again: {job.Worker} resumes from its last checkpoint when it reconnects; after {options.Value.ResumeGraceSeconds} s any worker may start it over.");
            var requeued = await db.WorkerJobs.Where(j => j.Id == job.Id && Held.Contains(j.State) && !j.CancelRequested)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(j => j.State, TrainingJobState.Queued)
                    .SetProperty(j => j.Message, interrupted)
                    .SetProperty(j => j.ConnectionId, (string?)null)
                    .SetProperty(j => j.InstanceKey, (long?)null)
                    .SetProperty(j => j.WorkerTokenId, (int?)null)
                    .SetProperty(j => j.Interruptions, j => j.Interruptions + 1)
                    .SetProperty(j => j.ReservedFor, j => j.Worker)
                    .SetProperty(j => j.ReservedUntil, reservedUntil));
            if (requeued == 1)
            {
                logger.LogWarning("Training job {JobId} interrupted at step {Step}: {Reason}", job.Id, job.Step, reason);
                continue;
            }
            var cancelled = string.Create(CultureInfo.InvariantCulture, $"Cancelled at step {job.Step} ({reason}).");
            await db.WorkerJobs.Where(j => j.Id == job.Id && Held.Contains(j.State) && j.CancelRequested)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(j => j.State, TrainingJobState.Cancelled)
                    .SetProperty(j => j.Message, cancelled)
                    .SetProperty(j => j.ConnectionId, (string?)null)
                    .SetProperty(j => j.InstanceKey, (long?)null)
                    .SetProperty(j => j.ReservedFor, (string?)null)
                    .SetProperty(j => j.ReservedUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.FinishedAt, now));
        }

        var ids = held.Select(j => j.Id).ToList();
        var released = await db.WorkerJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync();
        foreach (var job in released) Publish(job);
        if (released.Any(j => j.State == TrainingJobState.Queued)) await SignalWorkersAsync(c => c.All.SendAsync(TrainingHubContract.JobQueued), "a job is queued");
    }

    /// <summary>
    /// Cancels a queued job of <paramref name="kind"/> at once; asks the worker of a running one to stop (it reports
    /// back). A job of another kind is refused as unknown: each page cancels only its own.
    /// </summary>
    public async Task<OperationResult> RequestCancelAsync(long jobId, WorkerJobKind kind, CancellationToken ct)
    {
        var job = await db.WorkerJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.Kind == kind, ct);
        if (job is null) return OperationResult.Fail(kind switch
        {
            WorkerJobKind.Experiment => "No such experiment.",
            WorkerJobKind.Metrics => "No such metrics job.",
            _ => "No such job.",
        });
        if (job.State is TrainingJobState.Succeeded or TrainingJobState.Failed or TrainingJobState.Cancelled)
            return OperationResult.Fail("The job has already finished.");

        // A queued job can be cancelled in place, unless a worker claims it in between: then ask that worker.
        // (Queued -> Cancelled: a move WorkerJobStates allows, made conditional so it cannot race a claim.)
        var cancelledInQueue = await db.WorkerJobs.Where(j => j.Id == jobId && j.State == TrainingJobState.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, TrainingJobState.Cancelled)
                .SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.FinishedAt, DateTimeOffset.UtcNow)
                .SetProperty(j => j.Message, "Cancelled before it started."), ct);
        if (cancelledInQueue == 0)
        {
            // Asked of a held job only: one requeued since the update above (its worker went away) is cancelled in the
            // queue instead, so no job is left queued with a cancel no one will act on.
            var asked = await db.WorkerJobs.Where(j => j.Id == jobId && Held.Contains(j.State))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
            if (asked == 0)
            {
                cancelledInQueue = await db.WorkerJobs.Where(j => j.Id == jobId && j.State == TrainingJobState.Queued)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.State, TrainingJobState.Cancelled)
                        .SetProperty(j => j.CancelRequested, true)
                        .SetProperty(j => j.FinishedAt, DateTimeOffset.UtcNow)
                        .SetProperty(j => j.Message, "Cancelled before it started again."), ct);
            }
        }

        await db.Entry(job).ReloadAsync(ct);
        if (job.ConnectionId is { } connection && cancelledInQueue == 0)
            await SignalWorkersAsync(c => c.Client(connection).SendAsync(TrainingHubContract.CancelJob, jobId, ct), $"cancel job {jobId}");
        Publish(job);
        return OperationResult.Ok;
    }

    /// <summary>The job if the token holds it now (HTTP uploads carry the token, not the connection).</summary>
    public Task<WorkerJob?> HeldByTokenAsync(long jobId, int tokenId, CancellationToken ct) =>
        db.WorkerJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.WorkerTokenId == tokenId && Held.Contains(j.State), ct);

    public static TrainingJobOptions OptionsOf(WorkerJob job) =>
        JsonSerializer.Deserialize<TrainingJobOptions>(job.OptionsJson, Json) ?? new TrainingJobOptions();

    public static TrainingJobSummary ToSummary(WorkerJob job)
    {
        var jobOptions = OptionsOf(job);
        var batch = jobOptions.Experiment?.Batch ?? jobOptions.Batch;
        double? eta = job.State == TrainingJobState.Running && job.ImagesPerSecond > 0
            ? Math.Max(0, job.TotalSteps - job.Step) * batch / job.ImagesPerSecond.Value
            : null;
        return new TrainingJobSummary(job.Id, job.Title, jobOptions, job.State, job.Worker, job.Device, job.Step, job.TotalSteps,
            job.Epoch, job.ImagesPerSecond, eta, job.LatestGridSha256, job.ModelId, job.CancelRequested, job.Interruptions,
            job.Message, job.CreatedAt, job.StartedAt, job.FinishedAt, job.ExperimentResultId, job.Kind, job.Number);
    }

    public async Task<WorkerJob> HeldByConnectionAsync(long jobId, string connectionId) =>
        await db.WorkerJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.ConnectionId == connectionId && Held.Contains(j.State))
        ?? throw new HubException($"Job {jobId} is not held by this connection.");

    /// <summary>The one way a held job ends, whatever its kind: the state and note, saved, then announced.</summary>
    public async Task FinishAsync(WorkerJob job, TrainingJobState state, string message, CancellationToken ct)
    {
        job.MoveTo(state, message);
        await db.SaveChangesAsync(ct);
        Publish(job);
        logger.LogInformation("{Job} ({JobId}) {State}: {Message}", WorkerJobStates.Label(job.Kind, job.Number), job.Id, state, message);
    }

    private IWorkerJobHandler HandlerOf(WorkerJobKind kind) =>
        handlers.FirstOrDefault(h => h.Kind == kind) ?? throw new InvalidOperationException($"No handler for {kind} jobs is registered.");

    /// <summary>Jobs that pointed at a deleted experiment result keep their history without it.</summary>
    public Task<int> ForgetExperimentResultAsync(int resultId, CancellationToken ct) =>
        db.WorkerJobs.Where(j => j.ExperimentResultId == resultId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ExperimentResultId, (int?)null), ct);

    public void Publish(WorkerJob job) => notifier.Publish(new TrainingUpdate(ToSummary(job), null, null, false));

    /// <summary>
    /// Sends a hub message to workers. Its database change is committed already and stands when the message cannot go
    /// out (Redis lost with several instances: the backplane times out): idle workers find queued jobs by polling, and
    /// a cancel is asked again from the page.
    /// </summary>
    private async Task SignalWorkersAsync(Func<IHubClients, Task> send, string what)
    {
        try
        {
            await send(hub.Clients);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning("Could not tell the workers ({What}): {Reason}", what, e.Message);
        }
    }
}
