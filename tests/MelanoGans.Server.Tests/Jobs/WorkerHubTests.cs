using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Jobs;

/// <summary>The hub contract spoken directly: token authentication and the atomic claim.</summary>
public sealed class WorkerHubTests : IAsyncLifetime
{
    private readonly TrainingHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Two_workers_racing_for_one_job_get_it_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = _host.Connection(await _host.CreateTokenAsync("a"));
        await using var b = _host.Connection(await _host.CreateTokenAsync("b"));
        await Task.WhenAll(a.StartAsync(ct), b.StartAsync(ct));
        var options = await _host.SmallOptionsAsync(maxSteps: 3);

        for (var round = 0; round < 10; round++)
        {
            var jobId = await _host.StartJobAsync(options);
            var claims = await Task.WhenAll(
                a.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, new WorkerHello("a", "cpu"), ct),
                b.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, new WorkerHello("b", "cpu"), ct));

            var winner = Assert.Single(claims, c => c is not null)!;
            Assert.Equal(jobId, winner.JobId);
            Assert.Equal(options with { Class = null }, winner.Options);
            var job = (await _host.JobAsync(jobId)).Job;
            Assert.Equal(TrainingJobState.Claimed, job.State);
            Assert.Equal(claims[0] is not null ? "a" : "b", job.Worker);
        }
    }

    [Fact]
    public async Task The_admins_list_shows_a_workers_hello_and_job_and_forgets_it_when_it_disconnects()
    {
        var ct = TestContext.Current.CancellationToken;
        var worker = _host.Connection(await _host.CreateTokenAsync("lab box"));
        await worker.StartAsync(ct);
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 3));
        Assert.Equal(jobId, (await worker.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, new WorkerHello("box-1", "cuda:0"), ct))?.JobId);

        await using (var scope = _host.AsAdmin())
        {
            var listed = Assert.Single(await scope.ServiceProvider.GetRequiredService<IWorkerAdministration>().ConnectedAsync(ct));
            Assert.Equal(("box-1", "cuda:0", "lab box", (long?)jobId), (listed.Name, listed.Device, listed.TokenName, listed.JobId));
        }

        await worker.DisposeAsync();
        await using (var scope = _host.AsAdmin())
        {
            var admin = scope.ServiceProvider.GetRequiredService<IWorkerAdministration>();
            await Eventually.ReturnsAsync(() => admin.ConnectedAsync(ct), l => l.Count == 0, TimeSpan.FromSeconds(15), "the disconnected worker to leave the list");
        }
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_is_refused_and_revoking_disconnects_a_connected_worker()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("soon revoked");
        await using var connected = _host.Connection(token);
        await connected.StartAsync(ct);
        var closed = new TaskCompletionSource();
        connected.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await using (var scope = _host.AsAdmin())
        {
            var admin = scope.ServiceProvider.GetRequiredService<IWorkerAdministration>();
            var id = Assert.Single(await admin.TokensAsync(ct), t => t.Name == "soon revoked").Id;
            Assert.True((await admin.RevokeTokenAsync(id, ct)).Succeeded);
            Assert.NotNull(Assert.Single(await admin.TokensAsync(ct), t => t.Id == id).RevokedAt);
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        foreach (var refused in new[] { token, "mgw_not-a-token" })
        {
            await using var again = _host.Connection(refused);
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync(ct));
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            using var http = _host.WorkerHttp(refused);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(TrainingHubContract.DatasetRoute(1), ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Tokens_are_stored_hashed_shown_once_and_only_for_admins()
    {
        var token = await _host.CreateTokenAsync("hashed");
        Assert.StartsWith("mgw_", token, StringComparison.Ordinal);
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MelanoGans.Server.Data.StudioDbContext>();
            var stored = Assert.Single(db.WorkerTokens, t => t.Name == "hashed");
            Assert.NotEqual(token, stored.TokenHash);
            Assert.Equal(MelanoGans.Server.Jobs.WorkerTokenHasher.Hash(token), stored.TokenHash);
        }

        await using var lead = Infrastructure.ScopeAs.Create(_host.Factory.Services, "leo", Roles.Lead);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            lead.ServiceProvider.GetRequiredService<IWorkerAdministration>().CreateTokenAsync("sneaky", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            lead.ServiceProvider.GetRequiredService<ITrainingJobs>().ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_worker_cannot_download_the_dataset_of_a_job_it_does_not_hold()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 3));
        using var http = _host.WorkerHttp(await _host.CreateTokenAsync("bystander"));

        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync(TrainingHubContract.DatasetRoute(jobId), ct)).StatusCode);
        // A grid for a job it does not hold is the same refusal, whatever the body: 409, not a complaint about the PNG.
        using var notPng = new ByteArrayContent([1, 2, 3]);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync(TrainingHubContract.GridRoute(jobId, 1), notPng, ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_options_and_a_class_with_too_few_images_are_refused_with_reasons()
    {
        var options = await _host.SmallOptionsAsync(maxSteps: 3);
        await using var scope = _host.AsAdmin();
        var jobs = scope.ServiceProvider.GetRequiredService<ITrainingJobs>();

        var (badResolution, _) = await jobs.StartAsync(options with { Resolution = 48 }, TestContext.Current.CancellationToken);
        var (noSuchClass, _) = await jobs.StartAsync(options with { Class = "no-such-class" }, TestContext.Current.CancellationToken);

        Assert.Contains(badResolution.Errors, e => e.Contains("power of two", StringComparison.Ordinal));
        Assert.Contains(noSuchClass.Errors, e => e.Contains("fewer than one batch", StringComparison.Ordinal));
        Assert.Empty(await jobs.ListAsync(TestContext.Current.CancellationToken));
    }
}
