using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Events;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>Renders (or resumes rendering) the phantom dataset, with progress.</summary>
internal sealed class PhantomDatasetBuilder(
    StudioDbContext db,
    DatasetWriter writer,
    JobProgressNotifier progress,
    IStudioEvents events,
    ILogger<PhantomDatasetBuilder> logger)
{
    /// <summary>Images rendered in parallel and committed together.</summary>
    private const int BatchSize = 32;

    /// <summary>What a phantom dataset's <see cref="Dataset.Source"/> records, so a restart renders the same plan.</summary>
    public sealed record Spec(ulong Seed, int Count, int Size);

    public static Dataset NewDataset(PhantomOptions options) => new()
    {
        Name = $"Phantom dermoscopy (seed {options.Seed})",
        Kind = DatasetKind.Phantom,
        Resolution = options.Size,
        State = DatasetState.Building,
        ExpectedCount = options.Count,
        Source = JsonSerializer.Serialize(new Spec(options.Seed, options.Count, options.Size)),
    };

    public async Task BuildAsync(int datasetId, CancellationToken ct)
    {
        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, ct);
        var spec = JsonSerializer.Deserialize<Spec>(dataset.Source!)!;
        var plan = PhantomDatasetPlan.Create(spec.Seed, spec.Count, spec.Size);
        var jobId = DatasetJobIds.For(datasetId);
        var title = $"Rendering {dataset.Name}";
        var done = await writer.OriginsAsync(datasetId, ct);
        var todo = plan.Images.Where(i => !done.Contains(i.FileName)).ToList();
        var count = done.Count;
        logger.LogInformation("Phantom dataset {Name}: {Done} of {Total} images present, rendering {Todo}",
            dataset.Name, count, plan.Images.Count, todo.Count);

        foreach (var batch in todo.Chunk(BatchSize))
        {
            progress.Publish(new JobProgress(jobId, "dataset", title, count, plan.Images.Count, JobState.Running, null));
            var entries = new DatasetWriter.Entry[batch.Length];
            // Each image renders on one thread from its own seed, so the output does not depend on scheduling.
            Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = ct }, i =>
                entries[i] = new DatasetWriter.Entry(batch[i].FileName, batch[i].Class.ToIsicName(),
                    ImageCodec.EncodePng(plan.Render(batch[i]))));
            count += (await writer.AddAsync(datasetId, entries, ct)).Added;
        }

        dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, ct);
        dataset.State = DatasetState.Ready;
        await db.SaveChangesAsync(ct);
        progress.Publish(new JobProgress(jobId, "dataset", title, count, plan.Images.Count, JobState.Succeeded, null));
        events.Publish(new DatasetReady(datasetId, dataset.Name));
        logger.LogInformation("Phantom dataset {Name} is ready with {Count} images", dataset.Name, count);
    }
}
