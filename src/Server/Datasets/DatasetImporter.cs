using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts.Events;
using System.Collections.Concurrent;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Imports a folder of images with a ground-truth CSV: centre crop, resize, PNG without metadata,
/// content-addressed store, one row per image. Bad CSV rows, unreadable, oversized or missing images are
/// skipped and listed while the rest goes on; a CSV without one usable row (e.g. missing columns)
/// imports nothing. Re-running the same import adds only what is missing.
/// </summary>
internal sealed class DatasetImporter(
    StudioDbContext db,
    DatasetWriter writer,
    JobProgressNotifier progress,
    IStudioEvents events,
    ILogger<DatasetImporter> logger)
{
    private const int BatchSize = 32;
    private const int MaxListedProblems = 5;

    private sealed record Row(string Origin, string File, string Label);

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

        var (rows, csvProblem, csvWarnings) = ReadRows(request);
        if (csvProblem is not null)
        {
            await FinishAsync(datasetId, DatasetState.Failed, csvProblem, 0, ct);
            progress.Publish(new JobProgress(jobId, "dataset", title, 0, 0, JobState.Failed, csvProblem));
            return;
        }

        var files = Directory.EnumerateFiles(request.Folder)
            .Where(ImportRoots.IsImageFile)
            .ToDictionary(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase);
        var done = await writer.OriginsAsync(datasetId, ct);
        var count = done.Count;
        var problems = new ConcurrentBag<string>();
        foreach (var batch in rows.Where(r => !done.Contains(r.Origin)).Chunk(BatchSize))
        {
            progress.Publish(new JobProgress(jobId, "dataset", title, count, rows.Count, JobState.Running, null));
            var entries = new ConcurrentBag<DatasetWriter.Entry>();
            Parallel.ForEach(batch, new ParallelOptions { CancellationToken = ct }, row =>
            {
                if (Resolve(files, row.File) is not { } path)
                {
                    problems.Add($"{row.File}: no such image in the folder");
                    return;
                }
                try
                {
                    var image = ImageCodec.NormaliseFile(path, request.Resolution);
                    entries.Add(new DatasetWriter.Entry(row.Origin, row.Label, image.Png));
                }
                catch (ImageDecodeException e)
                {
                    problems.Add($"{row.File}: {e.Message}");
                }
            });
            count += await writer.AddAsync(datasetId, entries.ToList(), ct);
        }

        var skipped = problems.IsEmpty ? null
            : $"Skipped {problems.Count} image(s): {string.Join("; ", problems.Order().Take(MaxListedProblems))}"
              + (problems.Count > MaxListedProblems ? "; ..." : "");
        var message = string.Join(" ", new[] { csvWarnings, skipped }.OfType<string>()) is { Length: > 0 } text ? text : null;
        await FinishAsync(datasetId, DatasetState.Ready, message, rows.Count, ct);
        progress.Publish(new JobProgress(jobId, "dataset", title, count, rows.Count, JobState.Succeeded, message));
        events.Publish(new DatasetReady(datasetId, dataset.Name));
        logger.LogInformation("Imported {Name}: {Count} images, {Skipped} skipped", dataset.Name, count, problems.Count);
    }

    private static string? Resolve(Dictionary<string, string> files, string file) =>
        files.GetValueOrDefault(file)
        ?? (Path.HasExtension(file) ? null
            : new[] { ".jpg", ".jpeg", ".png" }.Select(ext => files.GetValueOrDefault(file + ext)).FirstOrDefault(p => p is not null));

    private static (IReadOnlyList<Row> Rows, string? Problem, string? CsvWarnings) ReadRows(DatasetImportRequest request)
    {
        if (!Directory.Exists(request.Folder)) return ([], $"The folder {request.Folder} does not exist.", null);
        if (!File.Exists(request.CsvFile)) return ([], $"The CSV file {request.CsvFile} does not exist.", null);
        var text = File.ReadAllText(request.CsvFile);
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
        var listed = string.Join("; ", errors.Take(MaxListedProblems).Select(e => $"line {e.Line}: {e.Message}"))
                     + (errors.Count > MaxListedProblems ? $"; and {errors.Count - MaxListedProblems} more" : "");
        // Rows with errors are skipped and reported; only a CSV with no usable row stops the import.
        if (rows.Count == 0)
            return ([], errors.Count > 0
                ? $"{Path.GetFileName(request.CsvFile)} has no usable row, nothing was imported: {listed}"
                : $"{Path.GetFileName(request.CsvFile)} lists no images.", null);
        return (rows, null, errors.Count > 0 ? $"{Path.GetFileName(request.CsvFile)}: {listed}" : null);
    }

    private async Task FinishAsync(int datasetId, DatasetState state, string? message, int expected, CancellationToken ct)
    {
        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId, ct);
        dataset.State = state;
        dataset.Message = message;
        if (expected > 0) dataset.ExpectedCount = expected;
        await db.SaveChangesAsync(ct);
    }
}
