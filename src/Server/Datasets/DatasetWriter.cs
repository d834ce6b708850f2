using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Adds images to a dataset idempotently: the PNG goes to the image store, the row is added only when
/// the dataset has no image of that origin yet. Each batch is one transaction, so an interrupted build
/// resumes after the last committed batch.
/// </summary>
internal sealed class DatasetWriter(StudioDbContext db, ImageStore store)
{
    /// <summary>One image ready to store.</summary>
    public sealed record Entry(string Origin, string Label, byte[] Png);

    public async Task<HashSet<string>> OriginsAsync(int datasetId, CancellationToken ct) =>
        (await db.DatasetImages.Where(i => i.DatasetId == datasetId).Select(i => i.Origin).ToListAsync(ct))
        .ToHashSet(StringComparer.Ordinal);

    public async Task<int> AddAsync(int datasetId, IReadOnlyList<Entry> batch, CancellationToken ct)
    {
        var known = await db.DatasetImages
            .Where(i => i.DatasetId == datasetId && batch.Select(e => e.Origin).Contains(i.Origin))
            .Select(i => i.Origin).ToListAsync(ct);
        var added = 0;
        foreach (var entry in batch.Where(e => !known.Contains(e.Origin)).DistinctBy(e => e.Origin))
        {
            var sha = await store.PutAsync(entry.Png, ct);
            db.DatasetImages.Add(new DatasetImage { DatasetId = datasetId, Sha256 = sha, Label = entry.Label, Origin = entry.Origin });
            added++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }
}
