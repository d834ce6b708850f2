using MelanoGans.Server.Events;
using MelanoGans.Server.Jobs;
using System.Collections.Concurrent;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Events;

/// <summary>
/// Two instances of the real server on one data directory (one SQLite file, or its one PostgreSQL database when the
/// tests run on PostgreSQL) and one real Redis: the bus's events and SignalR's hub messages cross.
/// </summary>
public sealed class TwoInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-two-").FullName;
    private StudioFactory? _a;
    private StudioFactory? _b;

    private StudioFactory A => _a!;

    private StudioFactory B => _b!;

    public async ValueTask InitializeAsync()
    {
        if (RedisServer.Binary is null) return;
        var settings = new Dictionary<string, string>
        {
            ["Studio:DataDirectory"] = _data,
            ["Studio:Redis"] = redis.ConnectionString,
            ["Studio:Models:RegisterDemo"] = "false",
        };
        // One after the other: what two instances starting at the same moment must agree on is the database's business.
        _a = new StudioFactory(settings);
        _ = _a.Server;
        await Instances.PhantomReadyAsync(_a);
        _b = new StudioFactory(settings);
        _ = _b.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_data); // on PostgreSQL both instances used the shared directory's database
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    [Fact]
    public async Task An_event_published_on_A_reaches_a_page_listening_on_B()
    {
        redis.SkipIfMissing();
        var onB = new ConcurrentQueue<ModelRegistered>();
        using var _ = B.Services.GetRequiredService<IStudioEvents>().Subscribe<ModelRegistered>(onB.Enqueue);

        A.Services.GetRequiredService<IStudioEvents>().Publish(new ModelRegistered(17, "registered on A"));

        await Eventually.ReturnsAsync(() => Task.FromResult(onB.Count), n => n > 0, TimeSpan.FromSeconds(15), "the event on B");
        Assert.Equal([new ModelRegistered(17, "registered on A")], onB);
    }

    [Fact]
    public async Task A_page_opened_on_B_mid_job_sees_the_progress_of_a_job_running_on_A()
    {
        redis.SkipIfMissing();
        var onB = B.Services.GetRequiredService<IJobProgressFeed>();

        A.Services.GetRequiredService<MelanoGans.Server.Events.JobProgressNotifier>()
            .Publish(new JobProgress("generation:99", "generation", "Pool on A", 3, 10, JobState.Running, null));

        var seen = await Eventually.ReturnsAsync(() => Task.FromResult(onB.Current.FirstOrDefault(p => p.JobId == "generation:99")), p => p is not null,
            TimeSpan.FromSeconds(15), "A's job in B's progress feed");
        Assert.Equal(3, seen!.Done);
    }

    [Fact]
    public async Task A_job_queued_on_A_wakes_a_worker_connected_to_B_through_the_backplane()
    {
        redis.SkipIfMissing();
        var ct = TestContext.Current.CancellationToken;
        Assert.IsType<RedisHubLifetimeManager<WorkerHub>>(A.Services.GetRequiredService<HubLifetimeManager<WorkerHub>>());
        Assert.IsType<RedisHubLifetimeManager<WorkerHub>>(B.Services.GetRequiredService<HubLifetimeManager<WorkerHub>>());
        string token;
        await using (var scope = ScopeAs.Create(A.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var (result, created) = await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().CreateTokenAsync("on B", ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            token = created!;
        }

        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = Instances.WorkerConnection(B, token);
        worker.On(TrainingHubContract.JobQueued, () => woken.TrySetResult());
        await worker.StartAsync(ct);

        await using (var scope = ScopeAs.Create(A.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var (result, _) = await scope.ServiceProvider.GetRequiredService<ITrainingJobs>().StartAsync(new TrainingJobOptions
            {
                Architecture = "dcgan", Resolution = 32, DatasetId = await Instances.PhantomReadyAsync(A), Width = 8, Batch = 4, MaxSteps = 3, Seed = 7,
            }, ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        await woken.Task.WaitAsync(TimeSpan.FromSeconds(15), ct);
    }

    [Fact]
    public async Task A_token_revoked_on_A_disconnects_its_worker_connected_to_B()
    {
        redis.SkipIfMissing();
        var ct = TestContext.Current.CancellationToken;
        string token;
        await using (var scope = ScopeAs.Create(A.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var (result, created) = await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().CreateTokenAsync("revoked on A", ct);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            token = created!;
        }

        await using var worker = Instances.WorkerConnection(B, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await worker.StartAsync(ct);

        await using (var scope = ScopeAs.Create(A.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var admin = scope.ServiceProvider.GetRequiredService<IWorkerAdministration>();
            var id = Assert.Single(await admin.TokensAsync(ct), t => t.Name == "revoked on A").Id;
            Assert.True((await admin.RevokeTokenAsync(id, ct)).Succeeded);
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15), ct);
    }
}
