using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// What other features may know of datasets (studies, training, experiments, metrics ask here and never read the
/// datasets' tables): the ready ones to choose from, one dataset's state, and its images.
/// </summary>
public interface IDatasetReader
{
    /// <summary>Every ready dataset with its images per class, by name (what a study's set-up offers).</summary>
    Task<IReadOnlyList<DatasetChoice>> ReadyAsync(CancellationToken ct = default);

    /// <summary>One dataset as it is now; null when there is none with this id.</summary>
    Task<DatasetInfo?> FindAsync(int datasetId, CancellationToken ct = default);

    /// <summary>The dataset of this name (the first, by id), or with <paramref name="name"/> "phantom" the first ready phantom; null when none.</summary>
    Task<DatasetInfo?> FindByNameAsync(string name, CancellationToken ct = default);

    /// <summary>The dataset's images of <paramref name="label"/> (every class when null) with their labels, in import order.</summary>
    Task<IReadOnlyList<SourceImage>> ImagesAsync(int datasetId, string? label, CancellationToken ct = default);

    /// <summary>The dataset's classes: images (rows) and distinct images (by content) of each.</summary>
    Task<IReadOnlyList<DatasetClass>> ClassesAsync(int datasetId, CancellationToken ct = default);

    /// <summary>Distinct images (by content) of <paramref name="label"/>, every class when null.</summary>
    Task<int> DistinctImagesAsync(int datasetId, string? label, CancellationToken ct = default);
}

/// <summary>A class of a dataset with its image counts.</summary>
public sealed record DatasetClass(string Label, int Images, int DistinctImages);

/// <summary>A dataset as other features see it, with its number of images (rows, as the trainer's download holds them).</summary>
public sealed record DatasetInfo(int Id, string Name, DatasetKind Kind, DatasetState State, int Resolution, int ImageCount)
{
    /// <summary>The one wording of "this dataset cannot be used yet"; null when it is ready.</summary>
    public string? NotReady => State == DatasetState.Ready ? null : $"The dataset {Name} is not ready ({State}).";
}

internal sealed class DatasetReader(IDbContextFactory<StudioDbContext> dbs) : IDatasetReader
{
    public async Task<IReadOnlyList<DatasetChoice>> ReadyAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var labelCounts = await db.DatasetImages.GroupBy(i => new { i.DatasetId, i.Label })
            .Select(g => new { g.Key.DatasetId, g.Key.Label, Count = g.Count() }).ToListAsync(ct);
        return (await db.Datasets.Where(d => d.State == DatasetState.Ready).OrderBy(d => d.Name).ToListAsync(ct))
            .Select(d => new DatasetChoice(d.Id, d.Name, d.Resolution,
                labelCounts.Where(c => c.DatasetId == d.Id).ToDictionary(c => c.Label, c => c.Count)))
            .ToList();
    }

    public async Task<DatasetInfo?> FindAsync(int datasetId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Datasets.Where(d => d.Id == datasetId)
            .Select(d => new DatasetInfo(d.Id, d.Name, d.Kind, d.State, d.Resolution, d.Images.Count)).SingleOrDefaultAsync(ct);
    }

    public async Task<DatasetInfo?> FindByNameAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var named = await db.Datasets.Where(d => d.Name == name).OrderBy(d => d.Id)
            .Select(d => new DatasetInfo(d.Id, d.Name, d.Kind, d.State, d.Resolution, d.Images.Count)).FirstOrDefaultAsync(ct);
        // The trainer names its built-in phantom folder "phantom" (the demo generator's manifest says so).
        if (named is not null || !string.Equals(name, "phantom", StringComparison.OrdinalIgnoreCase)) return named;
        return await db.Datasets.Where(d => d.Kind == DatasetKind.Phantom && d.State == DatasetState.Ready).OrderBy(d => d.Id)
            .Select(d => new DatasetInfo(d.Id, d.Name, d.Kind, d.State, d.Resolution, d.Images.Count)).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<DatasetClass>> ClassesAsync(int datasetId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DatasetImages.Where(i => i.DatasetId == datasetId).GroupBy(i => i.Label)
            .Select(g => new DatasetClass(g.Key, g.Count(), g.Select(i => i.Sha256).Distinct().Count())).ToListAsync(ct);
    }

    public async Task<int> DistinctImagesAsync(int datasetId, string? label, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DatasetImages.Where(i => i.DatasetId == datasetId && (label == null || i.Label == label))
            .Select(i => i.Sha256).Distinct().CountAsync(ct);
    }

    public async Task<IReadOnlyList<SourceImage>> ImagesAsync(int datasetId, string? label, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DatasetImages.Where(i => i.DatasetId == datasetId && (label == null || i.Label == label))
            .OrderBy(i => i.Id).Select(i => new SourceImage(i.Id, i.Sha256, i.Label)).ToListAsync(ct);
    }
}
