using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Export;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Platform;
using Microsoft.AspNetCore.SignalR.Client;

namespace MelanoGans.Training.Worker;

/// <summary>
/// Runs one claimed job: downloads the dataset, trains with the real <see cref="Trainer"/> (resuming from the
/// run directory's checkpoint when this worker was interrupted on the job before), streams ticks over the hub
/// and grids over HTTP, exports generator.onnx + generator.json and uploads them. Experiment and metrics jobs go to
/// <see cref="ExperimentJobRunner"/> and <see cref="MetricsJobRunner"/> instead.
/// </summary>
internal sealed class JobRunner(WorkerSettings settings, HubConnection hub, TrainingServerClient server)
{
    private readonly Lock gate = new();
    private long currentJob = -1;
    private CancellationTokenSource? currentCancel;
    private bool cancelledByServer;

    /// <summary>The server's cancel request: stops the trainer at the next step (it checkpoints first).</summary>
    public void Cancel(long jobId)
    {
        lock (gate)
        {
            if (jobId != currentJob || currentCancel is null) return;
            cancelledByServer = true;
            currentCancel.Cancel();
        }
    }

    /// <summary>
    /// The hub connection dropped: the server has already released the job, so further steps could not be reported.
    /// Stops the job in hand at its next step (a trainer checkpoints first) for the worker to reconnect and resume.
    /// </summary>
    public void Interrupt() => StopCurrent();

    public async Task RunAsync(TrainingAssignment job, CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (gate)
        {
            currentJob = job.JobId;
            currentCancel = cancel;
            cancelledByServer = false;
        }

        try
        {
            await TrainAndUploadAsync(job, cancel.Token);
        }
        catch (OperationCanceledException) when (cancelledByServer && hub.State == HubConnectionState.Connected)
        {
            // Cancelled before training started (during the download): nothing to checkpoint.
            await hub.InvokeAsync(TrainingHubContract.ReportCancelled, job.JobId, 0L, CancellationToken.None);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested && !cancelledByServer && hub.State == HubConnectionState.Connected)
        {
            settings.Log.WriteLine($"job {job.JobId} failed: {e.Message}");
            await hub.InvokeAsync(TrainingHubContract.ReportFailed, job.JobId, e.Message, CancellationToken.None);
        }
        finally
        {
            lock (gate)
            {
                currentJob = -1;
                currentCancel = null;
            }
        }
    }

    private async Task TrainAndUploadAsync(TrainingAssignment job, CancellationToken cancel)
    {
        settings.Log.WriteLine($"job {job.JobId}: downloading {job.DatasetName} ({job.DatasetImageCount} images)");
        var dataset = await server.DownloadDatasetAsync(job, settings.RunsRoot, cancel);
        cancel.ThrowIfCancellationRequested();

        var runPath = Path.Combine(settings.RunsRoot, job.RunKey);
        if (job.Options.Experiment is { } experiment)
        {
            await new ExperimentJobRunner(settings, hub, server).RunAsync(job, experiment, dataset, runPath, StopCurrent, cancel);
            return;
        }

        if (job.Options.Metrics is { } metrics)
        {
            await new MetricsJobRunner(settings, hub, server).RunAsync(job, metrics, dataset, runPath, StopCurrent, cancel);
            return;
        }

        using var trainer = Open(job, dataset, runPath);
        var device = NativeRuntime.NameOf(trainer.Session.Device);
        await hub.InvokeAsync(TrainingHubContract.ReportStarted, job.JobId, new TrainingStart(trainer.Session.Step, trainer.TotalSteps, device), cancel);

        var outcome = await TrainStreamingAsync(job, trainer, cancel);
        if (outcome.Failure is { } failure)
        {
            settings.Log.WriteLine($"job {job.JobId} failed: {failure}");
            await hub.InvokeAsync(TrainingHubContract.ReportFailed, job.JobId, $"{failure}; the checkpoints before it are kept on the worker", CancellationToken.None);
            return;
        }

        if (outcome.Interrupted)
        {
            if (cancelledByServer)
            {
                await hub.InvokeAsync(TrainingHubContract.ReportCancelled, job.JobId, outcome.Step, CancellationToken.None);
            }

            // Otherwise the worker is stopping: the checkpoint is written and the server requeues the job for us.
            return;
        }

        settings.Log.WriteLine($"job {job.JobId}: exporting");
        // generator.json names the server's dataset, not this worker's download folder; the file is uploaded as written.
        GeneratorExporter.Export(runPath, datasetName: job.DatasetName);
        var manifestJson = await File.ReadAllBytesAsync(Path.Combine(runPath, GeneratorManifest.FileName), CancellationToken.None);
        var (accepted, body) = await server.UploadModelAsync(job.JobId, Path.Combine(runPath, GeneratorManifest.OnnxFileName), manifestJson, CancellationToken.None);
        settings.Log.WriteLine(accepted ? $"job {job.JobId}: model registered {body}" : $"job {job.JobId}: the server refused the model: {body}");
    }

    /// <summary>Resumes the run directory of this job when it holds a checkpoint; starts afresh otherwise.</summary>
    private Trainer Open(TrainingAssignment job, string dataset, string runPath)
    {
        var run = new RunDirectory(runPath);
        if (Directory.Exists(runPath) && File.Exists(run.Options) && run.CheckpointSteps().Count > 0)
        {
            settings.Log.WriteLine($"job {job.JobId}: resuming {runPath}");
            return Trainer.Resume(runPath, settings.Log, threads: settings.Threads);
        }

        // A run that died before its first checkpoint has nothing worth keeping (and stale stats lines).
        if (Directory.Exists(runPath)) Directory.Delete(runPath, recursive: true);
        return Trainer.Start(ToTrainOptions(job.Options, dataset, settings.Threads), settings.RunsRoot, settings.Log, runPath);
    }

    /// <summary>Trains on a dedicated thread; ticks and grids are sent from here, in order, as they arrive.</summary>
    private Task<TrainingOutcome> TrainStreamingAsync(TrainingAssignment job, Trainer trainer, CancellationToken cancel) =>
        StreamedWork.RunAsync<(TrainingTick? Tick, long Step, string? Grid), TrainingOutcome>(
            report =>
            {
                trainer.Ticked += tick => report((tick, tick.Step, null));
                trainer.GridSaved += (step, path) => report((null, step, path));
                return trainer.Train(cancel);
            },
            async report =>
            {
                if (report.Tick is { } tick) await hub.InvokeAsync(TrainingHubContract.ReportTick, job.JobId, tick, CancellationToken.None);
                else if (report.Grid is { } grid) await server.UploadGridAsync(job.JobId, report.Step, grid, CancellationToken.None);
            },
            StopCurrent,
            settings.Threads);

    /// <summary>Stops the job in hand at its next step (a trainer checkpoints first).</summary>
    private void StopCurrent()
    {
        lock (gate) currentCancel?.Cancel();
    }

    internal static TrainOptions ToTrainOptions(TrainingJobOptions options, string dataset, int threads) =>
        new TrainOptions(options, dataset) { Threads = threads }.Validate();
}
