using MelanoGans.Server.Data;
using MelanoGans.Server.Events;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Builds datasets in the background. On start it creates the phantom dataset when there is none and
/// resumes every dataset left half-built by a stopped server; then it takes imports from the queue.
/// Up to <see cref="ImportOptions.ConcurrentJobs"/> run at once, so one slow import does not hold up the
/// next; one dataset never runs twice at once (a second request runs again after the first ends).
/// </summary>
internal sealed class DatasetJobRunner(
    IServiceScopeFactory scopes,
    DatasetJobQueue queue,
    JobProgressNotifier progress,
    IOptions<PhantomOptions> phantom,
    IOptions<ImportOptions> import,
    StudioDatabaseLock locks,
    ILogger<DatasetJobRunner> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, bool> _running = [];   // dataset id -> asked to run again meanwhile
    private readonly List<Task> _tasks = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and the first page render) before using every core.
        await Task.Yield();
        using var slots = new SemaphoreSlim(import.Value.ConcurrentJobs);
        try
        {
            await EnqueueStartupWorkAsync(stoppingToken);
            await foreach (var datasetId in queue.ReadAllAsync(stoppingToken))
            {
                lock (_lock)
                {
                    if (_running.ContainsKey(datasetId))
                    {
                        _running[datasetId] = true;
                        continue;
                    }
                    _running[datasetId] = false;
                }
                await slots.WaitAsync(stoppingToken);
                lock (_lock)
                {
                    _tasks.RemoveAll(t => t.IsCompleted);
                    _tasks.Add(RunInSlotAsync(datasetId, slots, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the running jobs see the same token; wait for them below.
        }
        Task[] running;
        lock (_lock) running = [.. _tasks];
        await Task.WhenAll(running);
    }

    private async Task RunInSlotAsync(int datasetId, SemaphoreSlim slots, CancellationToken ct)
    {
        // Off the reader's loop at once: the next dataset can start while this one runs.
        await Task.Yield();
        try
        {
            bool again;
            do
            {
                await RunOnceAsync(datasetId, ct);
                lock (_lock)
                {
                    again = _running[datasetId] && !ct.IsCancellationRequested;
                    _running[datasetId] = false;
                    if (!again) _running.Remove(datasetId);
                }
            }
            while (again);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task RunOnceAsync(int datasetId, CancellationToken ct)
    {
        try
        {
            await RunAsync(datasetId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The dataset stays Building and resumes on the next start.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Dataset {DatasetId} failed", datasetId);
            await MarkFailedAsync(datasetId, e.Message);
        }
    }

    private async Task EnqueueStartupWorkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        // Instances starting together on one database: the first creates the phantom, the others find it.
        await using (await locks.AcquireAsync(StudioDatabaseLock.Start, ct))
        {
            if (phantom.Value.Enabled && !await db.Datasets.AnyAsync(d => d.Kind == DatasetKind.Phantom, ct))
            {
                db.Datasets.Add(PhantomDatasetBuilder.NewDataset(phantom.Value));
                await db.SaveChangesAsync(ct);
            }
        }
        foreach (var id in await db.Datasets.Where(d => d.State == DatasetState.Building).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct))
            queue.Enqueue(id);
    }

    private async Task RunAsync(int datasetId, CancellationToken ct)
    {
        // Another instance on the same database may be building it already (both resume half-built datasets on
        // start); it finishes the job. Building is resumable, so a later second run only finds the work done.
        await using var building = await locks.TryAcquireAsync(StudioDatabaseLock.DatasetBuild(datasetId), ct);
        if (building is null)
        {
            logger.LogInformation("Dataset {DatasetId} is being built by another instance", datasetId);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var kind = await db.Datasets.Where(d => d.Id == datasetId).Select(d => d.Kind).SingleAsync(ct);
        if (kind == DatasetKind.Phantom)
            await scope.ServiceProvider.GetRequiredService<PhantomDatasetBuilder>().BuildAsync(datasetId, ct);
        else
            await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(datasetId, ct);
    }

    private async Task MarkFailedAsync(int datasetId, string message)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        if (await db.Datasets.FindAsync(datasetId) is not { } dataset) return;
        dataset.State = DatasetState.Failed;
        dataset.Message = message;
        await db.SaveChangesAsync();
        progress.Publish(new JobProgress(DatasetJobIds.For(datasetId), "dataset", dataset.Name, 0, 0, JobState.Failed, message));
    }
}
