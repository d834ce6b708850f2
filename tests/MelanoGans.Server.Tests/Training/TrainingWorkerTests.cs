using MelanoGans.Shared.Contracts.Events;
using System.Collections.Concurrent;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Worker;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Training;

/// <summary>
/// The real worker (src/Training) in process against the real server: claim, dataset download, TorchSharp
/// training at 32x32, live progress, export, upload and registration; cancel; interruption and resume.
/// </summary>
public sealed class TrainingWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TrainingHost _host = new();
    private readonly ConcurrentQueue<TrainingUpdate> _updates = new();

    public ValueTask InitializeAsync()
    {
        _host.Factory.Services.GetRequiredService<IStudioEvents>().Subscribe<TrainingUpdate>(_updates.Enqueue);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_worker_trains_a_queued_job_streams_progress_and_its_model_is_registered()
    {
        var token = await _host.CreateTokenAsync("gpu-box");
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 6));
        Assert.Equal(TrainingJobState.Queued, (await _host.JobAsync(jobId)).Job.State);

        var log = new StringWriter();
        var jobs = await new TrainingWorker(_host.Worker(token, "gpu-box", log: log)).RunAsync(Timeout());

        Assert.Equal(1, jobs);
        var detail = await _host.JobAsync(jobId);
        Assert.True(detail.Job.State == TrainingJobState.Succeeded, $"{detail.Job.State}: {detail.Job.Message}\n{log}");
        Assert.Equal("gpu-box", detail.Job.Worker);
        Assert.Equal("cpu", detail.Job.Device);
        Assert.Equal(6, detail.Job.Step);
        Assert.Equal([2L, 4, 6], detail.Ticks.Select(t => t.Step));
        Assert.All(detail.Ticks, t => Assert.True(double.IsFinite(t.LossD) && double.IsFinite(t.LossG) && t.ImagesPerSecond > 0));
        Assert.Equal([0L, 3, 6], detail.Grids.Select(g => g.Step));
        Assert.Equal(detail.Grids[^1].Sha256, detail.Job.LatestGridSha256);

        // Progress arrived live, in order, before the job finished.
        var liveTicks = _updates.Where(u => u.Job.Id == jobId && u.Tick is not null).Select(u => u.Tick!.Step).ToList();
        Assert.Equal([2L, 4, 6], liveTicks);
        Assert.Contains(_updates, u => u.Job.Id == jobId && u.Grid is not null);
        Assert.Contains(_updates, u => u.Job.Id == jobId && u.Job.State == TrainingJobState.Running);

        // The exported generator went to the registry, with the server's dataset name in its manifest.
        var (onnx, manifest, origin) = Assert.Single(_host.Registry.Registered);
        Assert.Equal($"training job {jobId}", origin);
        Assert.Equal(1, detail.Job.ModelId);
        Assert.Equal(("dcgan", 32, 6L), (manifest.Architecture, manifest.Resolution, manifest.Step));
        Assert.StartsWith("Phantom", manifest.Dataset, StringComparison.Ordinal);
        Assert.True(onnx.Length > 1000);
    }

    [Fact]
    public async Task A_run_whose_loss_becomes_non_finite_fails_its_job_with_the_step_and_registers_no_model()
    {
        var token = await _host.CreateTokenAsync("cpu-box");
        // Adam with a learning rate of 1e8 throws the weights far enough for a loss to overflow within a few steps.
        var options = await _host.SmallOptionsAsync(maxSteps: 6, tickEvery: 1, snapshotEvery: 1) with { Lr = 1e8 };
        var jobId = await _host.StartJobAsync(options);

        var log = new StringWriter();
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "cpu-box", log: log)).RunAsync(Timeout()));

        var detail = await _host.JobAsync(jobId);
        Assert.True(detail.Job.State == TrainingJobState.Failed, $"{detail.Job.State}: {detail.Job.Message}\n{log}");
        Assert.Matches(@"^loss_(d|g) became (infinite|NaN \(not a number\)) at step \d+; the checkpoints before it are kept on the worker$", detail.Job.Message);
        Assert.All(detail.Ticks, t => Assert.True(double.IsFinite(t.LossD) && double.IsFinite(t.LossG)));
        Assert.Empty(_host.Registry.Registered);
        Assert.Null(detail.Job.ModelId);
    }

    [Fact]
    public async Task An_idle_worker_with_an_idle_limit_exits_and_says_why()
    {
        // Issue 22: the local worker gives its memory back when there is no work; the supervisor starts it again for the next job.
        var token = await _host.CreateTokenAsync("idler");
        using var log = new StringWriter();

        var jobs = await new TrainingWorker(_host.Worker(token, "idler", once: false, log: log) with { IdleExit = TimeSpan.FromMilliseconds(500) }).RunAsync(Timeout());

        Assert.Equal(0, jobs);
        Assert.Contains("no job for", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_from_the_browser_stops_the_worker_and_marks_the_job_cancelled()
    {
        var token = await _host.CreateTokenAsync("canceller");
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 100_000, tickEvery: 1, snapshotEvery: 1000));
        var worker = new TrainingWorker(_host.Worker(token, "canceller")).RunAsync(Timeout());

        await WaitForAsync(() => _updates.Any(u => u.Job.Id == jobId && u.Tick is not null));
        await using (var scope = _host.AsAdmin())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ITrainingJobs>().CancelAsync(jobId, TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        Assert.Equal(1, await worker);
        var job = (await _host.JobAsync(jobId)).Job;
        Assert.Equal(TrainingJobState.Cancelled, job.State);
        Assert.InRange(job.Step, 1, 99_999);
        Assert.Empty(_host.Registry.Registered);
    }

    [Fact]
    public async Task A_worker_that_disconnects_mid_run_leaves_the_job_queued_for_it_and_resumes_from_its_checkpoint()
    {
        var token = await _host.CreateTokenAsync("flaky");
        const int Steps = 150;
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: Steps, tickEvery: 1, snapshotEvery: 4));

        // The worker process "dies": its stopping token fires as the server records step 9 (synchronously, so a
        // busy test machine cannot let the run finish first); it checkpoints and its connection closes.
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(Timeout()))
        {
            var events = _host.Factory.Services.GetRequiredService<IStudioEvents>();
            void StopAtStep9(TrainingUpdate u)
            {
                if (u.Job.Id == jobId && u.Tick?.Step >= 9) stop.Cancel();
            }

            using (events.Subscribe<TrainingUpdate>(StopAtStep9))
                await new TrainingWorker(_host.Worker(token, "flaky", once: false)).RunAsync(stop.Token);
        }

        await WaitForAsync(() => _updates.Any(u => u.Job.Id == jobId && u.Job.State == TrainingJobState.Queued && u.Job.Interruptions == 1));
        var interrupted = (await _host.JobAsync(jobId)).Job;
        Assert.Contains("Interrupted at step", interrupted.Message, StringComparison.Ordinal);

        // Another worker does not take a job kept for the worker that holds its checkpoint...
        var otherToken = await _host.CreateTokenAsync("other");
        await using (var other = _host.Connection(otherToken))
        {
            await other.StartAsync(TestContext.Current.CancellationToken);
            Assert.Null(await other.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, new WorkerHello("other", "cpu"), TestContext.Current.CancellationToken));
        }

        // ...and the same worker, back again, resumes at its last checkpoint and finishes the run.
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "flaky")).RunAsync(Timeout()));
        var detail = await _host.JobAsync(jobId);
        Assert.Equal(TrainingJobState.Succeeded, detail.Job.State);
        Assert.Contains(_updates, u => u.Job.Id == jobId && u.Restarted && u.Job.Step > 0 && u.Job.Message!.StartsWith("Resumed", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, Steps).Select(s => (long)s), detail.Ticks.Select(t => t.Step));
        Assert.Equal(Steps, Assert.Single(_host.Registry.Registered).Manifest.Step);
    }

    private static CancellationToken Timeout() =>
        CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, new CancellationTokenSource(Patience).Token).Token;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not become true in time");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
