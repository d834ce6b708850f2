using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Tests.Events;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Training;

/// <summary>
/// Two instances on one PostgreSQL: a job claimed through instance A goes back to the queue when A dies while B runs,
/// and the same worker, reconnected to B, gets it again; B's admin sees the workers connected to A until A dies.
/// PostgreSQL only (skipped with the reason otherwise).
/// </summary>
public sealed class StoppedInstanceSweeperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_held_through_an_instance_that_dies_is_queued_again_by_the_other_for_its_worker()
    {
        await TestDatabase.RequirePostgresAsync();
        var settings = new Dictionary<string, string>
        {
            ["Studio:Training:InstanceCheckSeconds"] = "1",
            ["Studio:Models:RegisterDemo"] = "false",
        };
        await using var a = new StudioFactory(settings);
        _ = a.Server;
        await using var b = new StudioFactory(new Dictionary<string, string>(settings) { ["Studio:DataDirectory"] = a.DataDirectory });
        _ = b.Server;

        string token;
        long jobId;
        await using (var scope = ScopeAs.Create(a.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            token = (await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().CreateTokenAsync("gpu box", Ct)).Token!;
            var (result, id) = await scope.ServiceProvider.GetRequiredService<ITrainingJobs>().StartAsync(new TrainingJobOptions
            {
                Architecture = "dcgan", Resolution = 32, DatasetId = await Instances.PhantomReadyAsync(a), Width = 8, Batch = 4, MaxSteps = 3, Seed = 7,
            }, Ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            jobId = id!.Value;
        }

        var hello = new WorkerHello("gpu-box", "cpu");
        await using var onA = Instances.WorkerConnection(a, token);
        await onA.StartAsync(Ct);
        Assert.Equal(jobId, (await onA.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, hello, Ct))?.JobId);
        var keyA = a.Services.GetRequiredService<StudioInstance>().Key;
        Assert.Equal(keyA, (await JobAsync(b, jobId)).InstanceKey);
        var seenOnB = Assert.Single(await ConnectedAsync(b));
        Assert.Equal(("gpu-box", "cpu", "gpu box", (long?)jobId), (seenOnB.Name, seenOnB.Device, seenOnB.TokenName, seenOnB.JobId));

        // While A lives, B's checks (every second) leave A's job alone.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal(TrainingJobState.Claimed, (await JobAsync(b, jobId)).State);

        // What the database sees when an instance's process dies: that instance's sessions end, its locks with them.
        await using (var scope = b.Services.CreateAsyncScope())
        {
            var ended = await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Database.SqlQuery<bool>($"""
                SELECT pg_terminate_backend(pid) AS "Value" FROM pg_locks
                WHERE locktype = 'advisory' AND classid::bigint = {keyA >> 32} AND objid::bigint = {keyA & 0xFFFF_FFFF} AND objsubid = 1
                """).ToListAsync(Ct);
            Assert.Equal([true], ended);
        }

        var requeued = await Eventually.ReturnsAsync(() => JobAsync(b, jobId), j => j.State == TrainingJobState.Queued,
            TimeSpan.FromSeconds(30), "B to queue the job of the dead instance again");
        Assert.Equal(hello.Name, requeued.ReservedFor);
        Assert.Null(requeued.InstanceKey);
        Assert.Contains("its server instance stopped", requeued.Message, StringComparison.Ordinal);
        Assert.Empty(await ConnectedAsync(b));

        // The worker, reconnected to B, resumes the job (it holds the checkpoint).
        await using var onB = Instances.WorkerConnection(b, token);
        await onB.StartAsync(Ct);
        Assert.Equal(jobId, (await onB.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, hello, Ct))?.JobId);
        Assert.Equal(b.Services.GetRequiredService<StudioInstance>().Key, (await JobAsync(a, jobId)).InstanceKey);
        Assert.Equal(jobId, Assert.Single(await ConnectedAsync(a)).JobId);
    }

    private static async Task<IReadOnlyList<ConnectedWorker>> ConnectedAsync(StudioFactory instance)
    {
        await using var scope = ScopeAs.Create(instance.Services, StudioFactory.AdminUserName, Roles.Admin);
        return await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().ConnectedAsync(Ct);
    }

    private static async Task<TrainingJob> JobAsync(StudioFactory instance, long jobId)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudioDbContext>().TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, Ct);
    }
}
