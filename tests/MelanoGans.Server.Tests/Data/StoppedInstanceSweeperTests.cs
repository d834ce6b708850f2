using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Studies;
using MelanoGans.Server.Tests.Events;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Data;

/// <summary>
/// Two instances on one PostgreSQL, and instance A dies while B runs: a job claimed through A goes back to the queue and
/// the same worker, reconnected to B, gets it again (B's admin saw the workers connected to A until then); a study A was
/// freezing is a draft again, and starts through B. A's death is what the database sees when an instance's process
/// dies: its lock's session ends, and A (its checks set an hour apart, as a dead process makes none) does not take
/// the lock again. A live A whose session ends takes its lock again and keeps its job. PostgreSQL only (skipped with
/// the reason otherwise).
/// </summary>
public sealed class StoppedInstanceSweeperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly WorkerHello Hello = new("gpu-box", "cpu");

    [Fact]
    public async Task A_job_held_through_an_instance_that_dies_is_queued_again_by_the_other_for_its_worker()
    {
        await TestDatabase.RequirePostgresAsync();
        await using var a = Instance(checkSeconds: 3600);
        await using var b = Instance(checkSeconds: 1, sharing: a);
        var (token, jobId) = await QueueAsync(a);
        await using var onA = Instances.WorkerConnection(a, token);
        await onA.StartAsync(Ct);
        Assert.Equal(jobId, (await onA.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, Hello, Ct))?.JobId);
        var keyA = a.Services.GetRequiredService<StudioInstance>().Key;
        Assert.Equal(keyA, (await JobAsync(b, jobId)).InstanceKey);
        var seenOnB = Assert.Single(await ConnectedAsync(b));
        Assert.Equal(("gpu-box", "cpu", "gpu box", (long?)jobId), (seenOnB.Name, seenOnB.Device, seenOnB.TokenName, seenOnB.JobId));

        // While A lives, B's checks (every second) leave A's job alone: two of them, enough to give it back if they would.
        await SweepsAsync(b, 2);
        Assert.Equal(TrainingJobState.Claimed, (await JobAsync(b, jobId)).State);

        await KillAsync(a, b);

        var requeued = await Eventually.ReturnsAsync(() => JobAsync(b, jobId), j => j.State == TrainingJobState.Queued,
            TimeSpan.FromSeconds(30), "B to queue the job of the dead instance again");
        Assert.Equal(Hello.Name, requeued.ReservedFor);
        Assert.Null(requeued.InstanceKey);
        Assert.Contains("its server instance stopped", requeued.Message, StringComparison.Ordinal);
        Assert.Empty(await ConnectedAsync(b));

        // The worker, reconnected to B, resumes the job (it holds the checkpoint).
        await using var onB = Instances.WorkerConnection(b, token);
        await onB.StartAsync(Ct);
        Assert.Equal(jobId, (await onB.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, Hello, Ct))?.JobId);
        Assert.Equal(b.Services.GetRequiredService<StudioInstance>().Key, (await JobAsync(a, jobId)).InstanceKey);
        Assert.Equal(jobId, Assert.Single(await ConnectedAsync(a)).JobId);
    }

    [Fact]
    public async Task A_study_an_instance_was_freezing_when_it_died_is_a_draft_again_and_starts_through_the_other()
    {
        await TestDatabase.RequirePostgresAsync();
        await using var world = await StudyWorld.CreateAsync(new Dictionary<string, string> { ["Studio:Database:InstanceCheckSeconds"] = "3600" });
        var a = world.Factory;
        await using var b = Instance(checkSeconds: 1, sharing: a);
        int id;
        await using (var lead = world.As("lead", Roles.Lead))
        {
            var (created, draft) = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(world.Setup());
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            id = draft;
        }

        // What a kill in the middle of A's freezing leaves: the claimed state with A's key, and no items.
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var keyA = a.Services.GetRequiredService<StudioInstance>().Key;
            await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Set<Study>().Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, StudyState.Starting).SetProperty(x => x.StartedOn, keyA), Ct);
        }

        await SweepsAsync(b, 2);
        Assert.Equal(StudyState.Starting, await StudyStateAsync(b, id));

        await KillAsync(a, b);
        await Eventually.ReturnsAsync(() => StudyStateAsync(b, id), s => s == StudyState.Draft, TimeSpan.FromSeconds(30), "B to make the study a draft again");
        await using (var lead = ScopeAs.Create(b.Services, "lead", Roles.Lead))
        {
            var started = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().StartAsync(id);
            Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        }

        Assert.Equal(StudyState.Open, await StudyStateAsync(a, id));
    }

    [Fact]
    public async Task An_instance_whose_lock_session_ends_while_it_runs_takes_the_lock_again_and_keeps_its_job()
    {
        await TestDatabase.RequirePostgresAsync();
        // A checks every second, B every three: A has about three chances to take its lock again before B can find it
        // free twice (a check of A's can fail while B holds A's lock for a moment, or come late on a loaded machine).
        await using var a = Instance(checkSeconds: 1);
        await using var b = Instance(checkSeconds: 3, sharing: a);
        var (token, jobId) = await QueueAsync(a);
        await using var onA = Instances.WorkerConnection(a, token);
        await onA.StartAsync(Ct);
        Assert.Equal(jobId, (await onA.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, Hello, Ct))?.JobId);

        await KillAsync(a, b);
        // A's next sweep begins by taking its lock again; B's two after that would have found it free twice.
        await SweepsAsync(a, 1);
        await SweepsAsync(b, 2);

        var job = await JobAsync(b, jobId);
        Assert.Equal((TrainingJobState.Claimed, (long?)a.Services.GetRequiredService<StudioInstance>().Key), (job.State, job.InstanceKey));
        Assert.Equal(1, await LockHoldersAsync(a, b));
    }

    /// <summary>Waits until <paramref name="instance"/> has completed <paramref name="count"/> more sweeps than now.</summary>
    private static async Task SweepsAsync(StudioFactory instance, int count)
    {
        var sweeper = instance.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StoppedInstanceSweeper>().Single();
        var target = sweeper.Sweeps + count;
        await Eventually.ReturnsAsync(() => Task.FromResult(sweeper.Sweeps), n => n >= target, TimeSpan.FromSeconds(60), $"{count} sweeps");
    }

    private static StudioFactory Instance(int checkSeconds, StudioFactory? sharing = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Studio:Database:InstanceCheckSeconds"] = checkSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Studio:Models:RegisterDemo"] = "false",
        };
        if (sharing is not null) settings["Studio:DataDirectory"] = sharing.DataDirectory;
        var instance = new StudioFactory(settings);
        _ = instance.Server;
        return instance;
    }

    /// <summary>A worker token and a small training job, made on <paramref name="instance"/>.</summary>
    private static async Task<(string Token, long JobId)> QueueAsync(StudioFactory instance)
    {
        await using var scope = ScopeAs.Create(instance.Services, StudioFactory.AdminUserName, Roles.Admin);
        var token = (await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().CreateTokenAsync("gpu box", Ct)).Token!;
        var (result, id) = await scope.ServiceProvider.GetRequiredService<ITrainingJobs>().StartAsync(new TrainingJobOptions
        {
            Architecture = "dcgan", Resolution = 32, DatasetId = await Instances.PhantomReadyAsync(instance), Width = 8, Batch = 4, MaxSteps = 3, Seed = 7,
        }, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return (token, id!.Value);
    }

    /// <summary>How many sessions hold <paramref name="instance"/>'s lock now, asked through <paramref name="via"/>.</summary>
    private static async Task<int> LockHoldersAsync(StudioFactory instance, StudioFactory via)
    {
        var key = instance.Services.GetRequiredService<StudioInstance>().Key;
        await using var scope = via.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND classid::bigint = {key >> 32} AND objid::bigint = {key & 0xFFFF_FFFF} AND objsubid = 1
            """).SingleAsync(Ct);
    }

    /// <summary>Ends the sessions of <paramref name="dying"/>'s instance lock, as its process's death would.</summary>
    private static async Task KillAsync(StudioFactory dying, StudioFactory via)
    {
        var key = dying.Services.GetRequiredService<StudioInstance>().Key;
        await using var scope = via.Services.CreateAsyncScope();
        var ended = await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Database.SqlQuery<bool>($"""
            SELECT pg_terminate_backend(pid) AS "Value" FROM pg_locks
            WHERE locktype = 'advisory' AND classid::bigint = {key >> 32} AND objid::bigint = {key & 0xFFFF_FFFF} AND objsubid = 1
            """).ToListAsync(Ct);
        Assert.Equal([true], ended);
    }

    private static async Task<StudyState> StudyStateAsync(StudioFactory instance, int id)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Set<Study>().Where(s => s.Id == id).Select(s => s.State).SingleAsync(Ct);
    }

    private static async Task<IReadOnlyList<ConnectedWorker>> ConnectedAsync(StudioFactory instance)
    {
        await using var scope = ScopeAs.Create(instance.Services, StudioFactory.AdminUserName, Roles.Admin);
        return await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().ConnectedAsync(Ct);
    }

    private static async Task<WorkerJob> JobAsync(StudioFactory instance, long jobId)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudioDbContext>().WorkerJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, Ct);
    }
}
