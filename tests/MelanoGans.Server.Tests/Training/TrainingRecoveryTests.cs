using MelanoGans.Server.Data;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Training;

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
            await db.TrainingJobs.Where(j => j.Id == running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, TrainingJobState.Running).SetProperty(j => j.Worker, "gpu-1")
                .SetProperty(j => j.ConnectionId, "gone").SetProperty(j => j.Step, 20), ct);
            await db.TrainingJobs.Where(j => j.Id == finished).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, TrainingJobState.Succeeded), ct);
        }

        await _host.Factory.Services.RecoverWhatStoppedServersLeftAsync();

        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var job = await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == running, ct);
            Assert.Equal((TrainingJobState.Queued, 1, "gpu-1", null), (job.State, job.Interruptions, job.ReservedFor, job.ConnectionId));
            Assert.True(job.ReservedUntil > DateTimeOffset.UtcNow.AddMinutes(5));
            Assert.Contains("Interrupted at step 20 (the server restarted)", job.Message, StringComparison.Ordinal);
            Assert.Equal(TrainingJobState.Succeeded, (await db.TrainingJobs.AsNoTracking().SingleAsync(j => j.Id == finished, ct)).State);
        }
    }
}
