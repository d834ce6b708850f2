using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts.Events;
using System.Collections.Concurrent;
using System.Diagnostics;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Events;

/// <summary>
/// A server instance on Redis whose Redis dies while it runs: what an admin does still works and this instance's
/// pages still update; when Redis is back the backplane carries hub messages again. A real redis-server.
/// </summary>
public sealed class ServerRedisOutageTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private StudioFactory? _factory;

    private StudioFactory Factory => _factory!;

    public async ValueTask InitializeAsync()
    {
        if (RedisServer.Binary is null) return;
        _factory = new StudioFactory(new Dictionary<string, string>
        {
            ["Studio:Redis"] = redis.ConnectionString,
            ["Studio:Models:RegisterDemo"] = "false",
        });
        _ = _factory.Server;
        await Instances.PhantomReadyAsync(_factory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Queuing_a_job_while_Redis_is_down_succeeds_updates_this_instances_pages_and_the_backplane_recovers()
    {
        redis.SkipIfMissing();
        var ct = TestContext.Current.CancellationToken;
        string token;
        await using (var scope = ScopeAs.Create(Factory.Services, StudioFactory.AdminUserName, Roles.Admin))
            token = (await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().CreateTokenAsync("worker", ct)).Token!;
        var wakeUps = 0;
        await using var worker = Instances.WorkerConnection(Factory, token);
        worker.On(TrainingHubContract.JobQueued, () => Interlocked.Increment(ref wakeUps));
        await worker.StartAsync(ct);
        // The server subscribes a new connection to its Redis channels after the handshake, and answers hub calls only
        // once that is done: Redis killed in between fails the subscription and the server closes the connection.
        Assert.Null(await worker.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, new WorkerHello("worker", "cpu"), ct));
        var updates = new ConcurrentQueue<TrainingUpdate>();
        using var _ = Factory.Services.GetRequiredService<IStudioEvents>().Subscribe<TrainingUpdate>(updates.Enqueue);

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();
        long jobId;
        await using (var scope = ScopeAs.Create(Factory.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var (result, id) = await scope.ServiceProvider.GetRequiredService<ITrainingJobs>().StartAsync(new TrainingJobOptions
            {
                Architecture = "dcgan", Resolution = 32, DatasetId = await Instances.PhantomReadyAsync(Factory), Width = 8, Batch = 4, MaxSteps = 3, Seed = 7,
            }, ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            jobId = id!.Value;
        }

        // The hub message waits for Redis at most its timeout (5 s), then the job stands without it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"queuing took {clock.Elapsed} without Redis");
        Assert.Contains(updates, u => u.Job.Id == jobId && u.Job.State == TrainingJobState.Queued);

        await redis.StartAsync();
        Assert.Equal(HubConnectionState.Connected, worker.State);
        var hub = Factory.Services.GetRequiredService<IHubContext<WorkerHub>>();
        var before = Volatile.Read(ref wakeUps);
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                await hub.Clients.All.SendAsync(TrainingHubContract.JobQueued, ct);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                // Still reconnecting.
            }

            return Volatile.Read(ref wakeUps);
        }, n => n > before, TimeSpan.FromSeconds(60), "a hub message through the backplane after Redis came back");
    }
}
