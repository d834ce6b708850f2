using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Platform;
using Microsoft.AspNetCore.SignalR.Client;
using static TorchSharp.torch;

namespace MelanoGans.Training.Worker;

/// <summary>
/// <c>melanogans worker</c>: connects to the server's training hub with a worker token, claims queued jobs one
/// at a time and runs them. If the connection drops, the job in hand stops at a checkpoint and the worker
/// reconnects; the server keeps the job for this worker's name, so the next claim resumes it.
/// </summary>
public sealed class TrainingWorker(WorkerSettings settings)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Works until <paramref name="stopping"/> fires (or after one job with <see cref="WorkerSettings.Once"/>); returns the jobs run.</summary>
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        NativeRuntime.Configure(settings.Threads);
        if (!ScalarFrees.Installed)
            settings.Log.WriteLine($"worker: {ScalarFrees.NotInstalledReason}; a job may rarely fail reading a freed Scalar (README, Training)");
        Directory.CreateDirectory(settings.RunsRoot);
        var hello = new WorkerHello(settings.Name, NativeRuntime.NameOf(NativeRuntime.DefaultDevice));
        // Declared before the hub: disposing the hub can raise Closed, whose handler releases it.
        using var wake = new SemaphoreSlim(0);
        using var server = new TrainingServerClient(settings);
        await using var hub = Connect();
        var runner = new JobRunner(settings, hub, server);
        hub.On<long>(TrainingHubContract.CancelJob, runner.Cancel);
        hub.On(TrainingHubContract.JobQueued, () => Wake(wake));
        hub.Closed += _ =>
        {
            // Notice a lost server now, not at the next tick or idle poll (minutes apart on a slow CPU): the job in
            // hand checkpoints and stops, and the loop reconnects, or exits when the server that started it is gone.
            runner.Interrupt();
            Wake(wake);
            return Task.CompletedTask;
        };

        var jobs = 0;
        var idle = System.Diagnostics.Stopwatch.StartNew();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (hub.State == HubConnectionState.Disconnected)
                {
                    await hub.StartAsync(stopping);
                    settings.Log.WriteLine($"worker {hello.Name} ({hello.Device}) connected to {settings.Server}");
                }

                var job = await hub.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, hello, stopping);
                if (job is null)
                {
                    if (ParentGone()) break;
                    if (settings.IdleExit is { } limit && idle.Elapsed >= limit)
                    {
                        settings.Log.WriteLine($"worker: no job for {limit.TotalMinutes:0.##} min; exiting");
                        break;
                    }

                    await wake.WaitAsync(settings.IdlePoll, stopping);
                    continue;
                }

                settings.Log.WriteLine($"job {job.JobId}: claimed ({job.Options.Architecture} {job.Options.Resolution}x{job.Options.Resolution})");
                await runner.RunAsync(job, stopping);
                idle.Restart();
                // A dropped connection interrupted the job (see Closed): it is not done; reconnect and claim it again.
                if (hub.State != HubConnectionState.Connected && !stopping.IsCancellationRequested) continue;
                jobs++;
                if (settings.Once) break;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException e) when (e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                throw new UnauthorizedAccessException("the server refused the worker token (unknown or revoked)", e);
            }
            catch (Exception e)
            {
                if (ParentGone()) break;
                settings.Log.WriteLine($"worker: {e.Message}; retrying in {RetryDelay.TotalSeconds:0} s");
                if (hub.State != HubConnectionState.Disconnected) await hub.StopAsync(CancellationToken.None);
                await Task.Delay(RetryDelay, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        return jobs;
    }

    private static void Wake(SemaphoreSlim wake)
    {
        if (wake.CurrentCount == 0) wake.Release();
    }

    private bool ParentGone()
    {
        if (settings.ParentProcessId is not { } pid) return false;
        try
        {
            using var parent = System.Diagnostics.Process.GetProcessById(pid);
            return parent.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process any more
        }
    }

    private HubConnection Connect() => new HubConnectionBuilder()
        .WithUrl(new Uri(settings.Server, TrainingHubContract.Path), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(settings.Token);
            settings.ConfigureConnection?.Invoke(options);
        })
        .Build();
}
