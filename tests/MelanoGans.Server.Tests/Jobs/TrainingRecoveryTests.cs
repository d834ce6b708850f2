using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Training;
using MelanoGans.Server.Tests.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Jobs;

/// <summary>A server restart: jobs the old process had handed out are queued again, kept for their workers.</summary>
public sealed class TrainingRecoveryTests : IAsyncLifetime
{
    private readonly TrainingHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Jobs_left_running_by_a_stopped_server_are_requeued_for_the_same_worker()
    {
        var ct = TestContext.Current.CancellationToken;
        var running = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 50));
        var finished = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 50));
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            await db.WorkerJobs.Where(j => j.Id == running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, TrainingJobState.Running).SetProperty(j => j.Worker, "gpu-1")
                .SetProperty(j => j.ConnectionId, "gone").SetProperty(j => j.Step, 20), ct);
            await db.WorkerJobs.Where(j => j.Id == finished).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, TrainingJobState.Succeeded), ct);
        }

        await _host.Factory.Services.RecoverWhatStoppedServersLeftAsync();

        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var job = await db.WorkerJobs.AsNoTracking().SingleAsync(j => j.Id == running, ct);
            Assert.Equal((TrainingJobState.Queued, 1, "gpu-1", null), (job.State, job.Interruptions, job.ReservedFor, job.ConnectionId));
            Assert.True(job.ReservedUntil > DateTimeOffset.UtcNow.AddMinutes(5));
            Assert.Contains("Interrupted at step 20 (the server restarted)", job.Message, StringComparison.Ordinal);
            Assert.Equal(TrainingJobState.Succeeded, (await db.WorkerJobs.AsNoTracking().SingleAsync(j => j.Id == finished, ct)).State);
        }
    }

    [Fact]
    public async Task A_cancel_landing_between_the_read_of_a_released_job_and_its_requeue_cancels_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 50));
        await using var release = _host.Factory.Services.CreateAsyncScope();
        var db = release.ServiceProvider.GetRequiredService<StudioDbContext>();
        await db.WorkerJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, TrainingJobState.Running).SetProperty(j => j.Worker, "gpu-1")
            .SetProperty(j => j.ConnectionId, "gone").SetProperty(j => j.Step, 20), ct);

        // The worker went away: the release reads its held job ...
        var held = await db.WorkerJobs.AsNoTracking().Where(j => j.Id == id).ToListAsync(ct);
        // ... an admin cancels it from another scope (running: the cancel is asked of its worker) ...
        await using (var admin = _host.AsAdmin())
            Assert.True((await _host.Service<MelanoGans.Client.Services.ITrainingJobs>(admin).CancelAsync(id, ct)).Succeeded);
        // ... and the release goes on with what it read. Saving that as Queued left a job no worker would claim.
        await release.ServiceProvider.GetRequiredService<JobCoordinator>().RequeueAsync(held, "its worker disconnected");

        var job = await db.WorkerJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        Assert.Equal((TrainingJobState.Cancelled, "Cancelled at step 20 (its worker disconnected)."), (job.State, job.Message));
        Assert.Null(job.ConnectionId);
    }

    [Fact]
    public async Task A_job_requeued_when_its_worker_went_away_is_cancelled_in_the_queue()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 50));
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        await db.WorkerJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, TrainingJobState.Running).SetProperty(j => j.Worker, "gpu-1").SetProperty(j => j.ConnectionId, "gone"), ct);
        var coordinator = scope.ServiceProvider.GetRequiredService<JobCoordinator>();
        await coordinator.RequeueAsync(await db.WorkerJobs.AsNoTracking().Where(j => j.Id == id).ToListAsync(ct), "its worker disconnected");

        await using (var admin = _host.AsAdmin())
            Assert.True((await _host.Service<MelanoGans.Client.Services.ITrainingJobs>(admin).CancelAsync(id, ct)).Succeeded);

        Assert.Equal(TrainingJobState.Cancelled, (await db.WorkerJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct)).State);
    }
}
