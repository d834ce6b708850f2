using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Adds images to a dataset idempotently: the PNG goes to the image store, the row is added only when
/// the dataset has no image of that origin yet and no image with the same content. Each batch is one
/// transaction, so an interrupted build resumes after the last committed batch.
/// </summary>
internal sealed class DatasetWriter(StudioDbContext db, ImageStore store)
{
    /// <summary>One image ready to store.</summary>
    public sealed record Entry(string Origin, string Label, byte[] Png);

    /// <summary>An entry left out because the dataset already holds its content under <paramref name="SameAs"/>.</summary>
    public sealed record Duplicate(Entry Entry, string SameAs);

    /// <summary>What a batch did: rows added and entries whose image the dataset already had.</summary>
    public sealed record Result(int Added, IReadOnlyList<Duplicate> Duplicates);

    public async Task<HashSet<string>> OriginsAsync(int datasetId, CancellationToken ct) =>
        (await db.DatasetImages.Where(i => i.DatasetId == datasetId).Select(i => i.Origin).ToListAsync(ct))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Adds the entries in the order given; of two entries with the same content the first wins, so the caller
    /// decides which name a duplicate is reported against.
    /// </summary>
    public async Task<Result> AddAsync(int datasetId, IReadOnlyList<Entry> batch, CancellationToken ct)
    {
        var origins = batch.Select(e => e.Origin).ToList();
        var known = await db.DatasetImages
            .Where(i => i.DatasetId == datasetId && origins.Contains(i.Origin))
            .Select(i => i.Origin).ToListAsync(ct);
        var fresh = batch.Where(e => !known.Contains(e.Origin)).DistinctBy(e => e.Origin)
            .Select(e => (Entry: e, Sha: ContentAddress.Sha256Hex(e.Png))).ToList();
        var shas = fresh.Select(f => f.Sha).ToList();
        var stored = (await db.DatasetImages
                .Where(i => i.DatasetId == datasetId && shas.Contains(i.Sha256))
                .Select(i => new { i.Sha256, i.Origin }).ToListAsync(ct))
            .ToDictionary(i => i.Sha256, i => i.Origin, StringComparer.Ordinal);
        var duplicates = new List<Duplicate>();
        var added = 0;
        foreach (var (entry, sha) in fresh)
        {
            if (stored.TryGetValue(sha, out var sameAs))
            {
                duplicates.Add(new Duplicate(entry, sameAs));
                continue;
            }
            await store.PutAsync(entry.Png, ct);
            db.DatasetImages.Add(new DatasetImage { DatasetId = datasetId, Sha256 = sha, Label = entry.Label, Origin = entry.Origin });
            stored[sha] = entry.Origin;
            added++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new Result(added, duplicates);
    }
}
