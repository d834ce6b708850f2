using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Events;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Imports a folder of images with a ground-truth CSV: centre crop, resize, PNG without metadata,
/// content-addressed store, one row per image. Bad CSV rows, images that link outside the import roots,
/// anything that is not a regular file, unreadable, oversized, slow, missing or repeated images are skipped
/// and every reason is kept, while the rest goes on; a CSV without one usable row (e.g. missing columns)
/// imports nothing. Re-running the same import adds only what is missing.
/// </summary>
internal sealed class DatasetImporter(
    StudioDbContext db,
    DatasetWriter writer,
    ImportRoots roots,
    IOptions<ImportOptions> options,
    JobProgressNotifier progress,
    IStudioEvents events,
    ILogger<DatasetImporter> logger)
{
    private const int BatchSize = 32;

    /// <summary>Reasons spelled out in the dataset's one-line message; the full list is stored.</summary>
    private const int SummarisedSkips = 5;

    private sealed record Row(string Origin, string File, string Label);

    private sealed record CsvRead(IReadOnlyList<Row> Rows, string? Problem, string? Warnings, IReadOnlyList<ImportSkip> Skips);

    public static Dataset NewDataset(DatasetImportRequest request) => new()
    {
        Name = request.Name,
        Kind = request.Format == DatasetImportFormat.Isic ? DatasetKind.Isic : DatasetKind.LabelledFolder,
        Resolution = request.Resolution,
        State = DatasetState.Building,
        Source = JsonSerializer.Serialize(request),
    };

    public async Task ImportAsync(int datasetId, CancellationToken ct)
    {
        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, ct);
        var request = JsonSerializer.Deserialize<DatasetImportRequest>(dataset.Source!)!;
        var jobId = DatasetJobIds.For(datasetId);
        var title = $"Importing {dataset.Name}";

        // Checked again here, not only when queued: a link may have changed since, and a resumed import was queued by an older server.
        var folder = Directory.Exists(request.Folder) ? roots.RealPathInside(request.Folder) : null;
        var csv = folder is null ? null : ReadRows(request);
        var problem = folder is null
            ? Directory.Exists(request.Folder) ? $"The folder {request.Folder} links outside the import root." : $"The folder {request.Folder} does not exist."
            : csv!.Problem;
        if (problem is not null)
        {
            await FinishAsync(dataset.Name, datasetId, DatasetState.Failed, problem, csv?.Skips ?? [], 0, ct);
            progress.Publish(new JobProgress(jobId, "dataset", title, 0, 0, JobState.Failed, problem));
            return;
        }
        var rows = csv!.Rows;

        var files = new ImportFolderIndex(folder!);
        var done = await writer.OriginsAsync(datasetId, ct);
        var count = done.Count;
        var skips = new List<ImportSkip>();
        foreach (var batch in rows.Where(r => !done.Contains(r.Origin)).Chunk(BatchSize))
        {
            progress.Publish(new JobProgress(jobId, "dataset", title, count, rows.Count, JobState.Running, null));
            var read = new (DatasetWriter.Entry? Entry, ImportSkip? Skip)[batch.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Length), new ParallelOptions { CancellationToken = ct },
                async (i, token) => { read[i] = await ReadAsync(files, batch[i], request.Resolution, token); });
            // Entries keep the CSV's order, so of two copies of one image the first listed is kept.
            var written = await writer.AddAsync(datasetId, read.Select(r => r.Entry).OfType<DatasetWriter.Entry>().ToList(), ct);
            count += written.Added;
            skips.AddRange(read.Select(r => r.Skip).OfType<ImportSkip>());
            skips.AddRange(written.Duplicates.Select(d => new ImportSkip(d.Entry.Origin, $"the same image as {d.SameAs}")));
        }

        var skipped = skips.Count == 0 ? null
            : $"Skipped {skips.Count} image(s): {string.Join("; ", skips.Take(SummarisedSkips))}"
              + (skips.Count > SummarisedSkips ? $"; and {skips.Count - SummarisedSkips} more (all listed on the dataset page)" : "");
        var message = string.Join(" ", new[] { csv.Warnings, skipped }.OfType<string>()) is { Length: > 0 } text ? text : null;
        await FinishAsync(dataset.Name, datasetId, DatasetState.Ready, message, [.. csv.Skips, .. skips], rows.Count, ct);
        progress.Publish(new JobProgress(jobId, "dataset", title, count, rows.Count, JobState.Succeeded, message));
        events.Publish(new DatasetReady(datasetId, dataset.Name));
        logger.LogInformation("Imported {Name}: {Count} images, {Skipped} skipped", dataset.Name, count, skips.Count);
    }

    /// <summary>One row's image, normalised, or why it is skipped. Only regular files inside the roots are opened.</summary>
    private async Task<(DatasetWriter.Entry?, ImportSkip?)> ReadAsync(ImportFolderIndex files, Row row, int resolution, CancellationToken ct)
    {
        if (files.Find(row.File) is not { } path) return (null, new ImportSkip(row.File, "no such image in the folder"));
        if (roots.RealPathInside(path) is not { } real) return (null, new ImportSkip(row.File, "links outside the import root"));
        var kind = FileKinds.Of(real);
        if (kind == FileKind.Missing) return (null, new ImportSkip(row.File, "links to a file that does not exist"));
        if (kind != FileKind.Regular) return (null, new ImportSkip(row.File, $"is {FileKinds.Describe(kind)}, not a regular file"));
        var limit = TimeSpan.FromSeconds(options.Value.FileTimeLimitSeconds);
        try
        {
            // The limit backs up the type check (a file swapped for a FIFO after it, a hung network mount): the read
            // runs on a task of its own that is abandoned when late, so the import moves on instead of waiting with it.
            var image = await Task.Run(() => ImageCodec.NormaliseFile(real, resolution), CancellationToken.None).WaitAsync(limit, ct);
            return (new DatasetWriter.Entry(row.Origin, row.Label, image.Png), null);
        }
        catch (ImageDecodeException e)
        {
            return (null, new ImportSkip(row.File, e.Message));
        }
        catch (TimeoutException)
        {
            return (null, new ImportSkip(row.File, $"took longer than {options.Value.FileTimeLimitSeconds} s to read"));
        }
    }

    private CsvRead ReadRows(DatasetImportRequest request)
    {
        var name = Path.GetFileName(request.CsvFile);
        if (!File.Exists(request.CsvFile)) return new([], $"The CSV file {request.CsvFile} does not exist.", null, []);
        if (roots.RealPathInside(request.CsvFile) is not { } real) return new([], $"The CSV file {request.CsvFile} links outside the import root.", null, []);
        if (FileKinds.Of(real) is var kind && kind != FileKind.Regular)
            return new([], $"The CSV file {request.CsvFile} is {FileKinds.Describe(kind)}, not a regular file.", null, []);
        var text = File.ReadAllText(real);
        IReadOnlyList<CsvError> errors;
        IReadOnlyList<Row> rows;
        if (request.Format == DatasetImportFormat.Isic)
        {
            var parsed = IsicGroundTruthCsv.Parse(text);
            (errors, rows) = (parsed.Errors, parsed.Rows.Select(r => new Row(r.ImageId, r.ImageId, r.Class.ToIsicName())).ToList());
        }
        else
        {
            var parsed = LabelledFileCsv.Parse(text);
            (errors, rows) = (parsed.Errors, parsed.Rows.Select(r => new Row(r.File, r.File, r.Class.ToIsicName())).ToList());
        }
        var skips = errors.Select(e => new ImportSkip($"{name} line {e.Line}", e.Message)).ToList();
        var listed = string.Join("; ", errors.Take(SummarisedSkips).Select(e => $"line {e.Line}: {e.Message}"))
                     + (errors.Count > SummarisedSkips ? $"; and {errors.Count - SummarisedSkips} more (all listed on the dataset page)" : "");
        // Rows with errors are skipped and reported; only a CSV with no usable row stops the import.
        if (rows.Count == 0)
            return new([], errors.Count > 0 ? $"{name} has no usable row, nothing was imported: {listed}" : $"{name} lists no images.", null, skips);
        return new(rows, null, errors.Count > 0 ? $"{name}: {listed}" : null, skips);
    }

    /// <summary>Sets the outcome and replaces the stored skip list in one transaction, logging every reason.</summary>
    private async Task FinishAsync(string name, int datasetId, DatasetState state, string? message,
        IReadOnlyList<ImportSkip> skips, int expected, CancellationToken ct)
    {
        foreach (var skip in skips)
            logger.LogWarning("Import of {Name} skipped {Item}: {Reason}", name, skip.Item, skip.Reason);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
        await db.DatasetSkips.Where(s => s.DatasetId == datasetId).ExecuteDeleteAsync(ct);
        db.DatasetSkips.AddRange(skips.Select(s => new DatasetSkip { DatasetId = datasetId, Item = s.Item, Reason = s.Reason }));
        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, ct);
        dataset.State = state;
        dataset.Message = message;
        if (expected > 0) dataset.ExpectedCount = expected;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
