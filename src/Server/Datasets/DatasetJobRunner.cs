using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Builds datasets in the background. On start it creates the phantom dataset when there is none and
/// resumes every dataset left half-built by a stopped server; then it takes imports from the queue.
/// </summary>
internal sealed class DatasetJobRunner(
    IServiceScopeFactory scopes,
    DatasetJobQueue queue,
    JobProgressNotifier progress,
    IOptions<PhantomOptions> phantom,
    ILogger<DatasetJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and the first page render) before using every core.
        await Task.Yield();
        await EnqueueStartupWorkAsync(stoppingToken);
        await foreach (var datasetId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(datasetId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the dataset stays Building and resumes on the next start
            }
            catch (Exception e)
            {
                logger.LogError(e, "Dataset {DatasetId} failed", datasetId);
                await MarkFailedAsync(datasetId, e.Message);
            }
        }
    }

    private async Task EnqueueStartupWorkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        if (phantom.Value.Enabled && !await db.Datasets.AnyAsync(d => d.Kind == DatasetKind.Phantom, ct))
        {
            db.Datasets.Add(PhantomDatasetBuilder.NewDataset(phantom.Value));
            await db.SaveChangesAsync(ct);
        }
        foreach (var id in await db.Datasets.Where(d => d.State == DatasetState.Building).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct))
            queue.Enqueue(id);
    }

    private async Task RunAsync(int datasetId, CancellationToken ct)
    {
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
