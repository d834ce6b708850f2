using MelanoGans.Client.Services;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>The dataset pages' service: Admin and Lead read, only Admin imports.</summary>
internal sealed class DatasetCatalog(
    IDbContextFactory<StudioDbContext> dbs,
    ColourStatisticsService colours,
    IPoolReader pools,
    ImportRoots roots,
    DatasetJobQueue queue,
    CurrentUser current) : IDatasetCatalog
{
    private static readonly string[] Readers = [Roles.Admin, Roles.Lead];

    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Readers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        var counts = await CountsAsync(db, null, ct);
        var skipped = await SkipCountsAsync(db, null, ct);
        return datasets.Select(d => ToSummary(d, counts.GetValueOrDefault(d.Id) ?? [], skipped.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<DatasetSummary?> GetAsync(int id, CancellationToken ct = default)
    {
        await current.RequireAsync(Readers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return dataset is null ? null
            : ToSummary(dataset, (await CountsAsync(db, id, ct)).GetValueOrDefault(id) ?? [], (await SkipCountsAsync(db, id, ct)).GetValueOrDefault(id));
    }

    public async Task<IReadOnlyList<DatasetSkipView>> SkippedAsync(int datasetId, CancellationToken ct = default)
    {
        await current.RequireAsync(Readers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DatasetSkips.AsNoTracking().Where(s => s.DatasetId == datasetId).OrderBy(s => s.Id)
            .Select(s => new DatasetSkipView(s.Item, s.Reason)).ToListAsync(ct);
    }

    public async Task<ImagePage> ImagesAsync(int datasetId, string? label, int skip, int take, CancellationToken ct = default)
    {
        await current.RequireAsync(Readers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.DatasetImages.AsNoTracking().Where(i => i.DatasetId == datasetId);
        if (label is not null) query = query.Where(i => i.Label == label);
        var total = await query.CountAsync(ct);
        var images = await query.OrderBy(i => i.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 500))
            .Select(i => new DatasetImageView(i.Id, i.Sha256, i.Label, i.Origin)).ToListAsync(ct);
        return new ImagePage(images, total);
    }

    public async Task<IReadOnlyList<ImageSetOption>> ImageSetsAsync(CancellationToken ct = default)
    {
        var options = new List<ImageSetOption>();
        foreach (var dataset in (await ListAsync(ct)).Where(d => d.ImageCount > 0))
        {
            options.Add(new ImageSetOption(new ImageSetRef(false, dataset.Id, null), dataset.Name, dataset.ImageCount));
            options.AddRange(dataset.CountsByLabel.Select(c =>
                new ImageSetOption(new ImageSetRef(false, dataset.Id, c.Label), $"{dataset.Name} / {c.Label}", c.Count)));
        }
        options.AddRange((await pools.ChoicesAsync(ct)).Where(p => p.Count > 0).OrderBy(p => p.Id)
            .Select(p => new ImageSetOption(new ImageSetRef(true, p.Id, null), $"Generated: {p.Name}", p.Count)));
        return options;
    }

    public async Task<ColourCurves> ColoursAsync(ImageSetRef set, CancellationToken ct = default)
    {
        await current.RequireAsync(Readers, ct);
        var (name, histogram) = await colours.HistogramAsync(set, ct);
        return new ColourCurves(name, histogram.ImageCount,
            histogram.Normalised(ColourChannel.Red), histogram.Normalised(ColourChannel.Green), histogram.Normalised(ColourChannel.Blue));
    }

    public async Task<ColourComparison> CompareAsync(ImageSetRef a, ImageSetRef b, CancellationToken ct = default)
    {
        await current.RequireAsync(Readers, ct);
        var first = await colours.HistogramAsync(a, ct);
        var second = await colours.HistogramAsync(b, ct);
        return ColourDistances.Compare(first.Histogram, second.Histogram);
    }

    public async Task<IReadOnlyList<ImportFolderCandidate>> ImportFoldersAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await Task.Run(roots.FindCandidates, ct);
    }

    public async Task<OperationResult> StartImportAsync(DatasetImportRequest request, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        if (string.IsNullOrWhiteSpace(request.Name)) return OperationResult.Fail("Give the dataset a name.");
        if (request.Resolution is < PhantomRenderer.MinSize or > PhantomRenderer.MaxSize || (request.Resolution & (request.Resolution - 1)) != 0)
            return OperationResult.Fail($"The resolution must be a power of two from {PhantomRenderer.MinSize} to {PhantomRenderer.MaxSize}.");
        if (string.IsNullOrWhiteSpace(request.Folder) || string.IsNullOrWhiteSpace(request.CsvFile))
            return OperationResult.Fail("Choose a folder and a CSV under a configured import root.");
        if ((roots.WhyOutside(request.Folder) ?? roots.WhyOutside(request.CsvFile)) is { } outside)
            return OperationResult.Fail(outside);
        if (!Directory.Exists(request.Folder)) return OperationResult.Fail("The folder does not exist.");
        if (!File.Exists(request.CsvFile)) return OperationResult.Fail("The CSV file does not exist.");
        // Reading a FIFO or a device would never end; only a regular file is a CSV.
        if (!roots.IsRegularFileInside(request.CsvFile)) return OperationResult.Fail("The CSV file is not a regular file.");

        var name = request.Name.Trim();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.Datasets.SingleOrDefaultAsync(d => d.Name == name, ct);
        var normalised = request with { Name = name, Folder = Path.GetFullPath(request.Folder), CsvFile = Path.GetFullPath(request.CsvFile) };
        if (existing is null)
        {
            existing = DatasetImporter.NewDataset(normalised);
            db.Datasets.Add(existing);
        }
        else if (existing.Kind == DatasetKind.Phantom || existing.Source != DatasetImporter.NewDataset(normalised).Source)
        {
            return OperationResult.Fail($"A different dataset is already called {name}. Choose another name.");
        }
        else
        {
            // The same import again: resume or top up; what is stored already is not added twice.
            existing.State = DatasetState.Building;
        }
        await db.SaveChangesAsync(ct);
        queue.Enqueue(existing.Id);
        return OperationResult.Ok;
    }

    private static DatasetSummary ToSummary(Dataset d, IReadOnlyList<LabelCount> counts, int skipped) => new(
        d.Id, d.Name, d.Kind.ToString(), d.Resolution, d.State.ToString(), counts.Sum(c => c.Count),
        d.ExpectedCount, counts, d.Kind == DatasetKind.Phantom ? null : d.Source, d.Message, d.CreatedAt, skipped);

    private static async Task<Dictionary<int, int>> SkipCountsAsync(StudioDbContext db, int? datasetId, CancellationToken ct)
    {
        var query = db.DatasetSkips.AsNoTracking();
        if (datasetId is { } id) query = query.Where(s => s.DatasetId == id);
        return await query.GroupBy(s => s.DatasetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private static async Task<Dictionary<int, IReadOnlyList<LabelCount>>> CountsAsync(StudioDbContext db, int? datasetId, CancellationToken ct)
    {
        var query = db.DatasetImages.AsNoTracking();
        if (datasetId is { } id) query = query.Where(i => i.DatasetId == id);
        var rows = await query.GroupBy(i => new { i.DatasetId, i.Label })
            .Select(g => new { g.Key.DatasetId, g.Key.Label, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.DatasetId).ToDictionary(g => g.Key, g => (IReadOnlyList<LabelCount>)g
            .OrderBy(r => LabelOrder(r.Label)).ThenBy(r => r.Label, StringComparer.Ordinal)
            .Select(r => new LabelCount(r.Label, r.Count)).ToList());
    }

    private static int LabelOrder(string label) =>
        LesionClassNames.TryParse(label, out var known) ? LesionClassNames.All.ToList().IndexOf(known.Value) : int.MaxValue;
}
