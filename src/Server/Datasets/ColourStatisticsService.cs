using MelanoGans.Server.Generation;
using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Colour histograms of image sets (docs/design.md, "Colour statistics"), computed from the stored PNGs and
/// cached per set and image count, so a dataset that is still growing is recomputed when it changes.
/// </summary>
internal sealed class ColourStatisticsService(IServiceScopeFactory scopes, IPoolReader pools, ImageStore store, IMemoryCache cache)
{
    public async Task<(string Name, ColourHistogram Histogram)> HistogramAsync(ImageSetRef set, CancellationToken ct)
    {
        var (name, hashes) = await LoadAsync(set, ct);
        if (hashes.Count == 0) throw new InvalidOperationException($"{name} has no images yet.");
        var key = ("colours", set, hashes.Count);
        if (cache.TryGetValue(key, out ColourHistogram? cached)) return (name, cached!);

        var total = new ColourHistogram();
        var gate = new object();
        await Task.Run(() => Parallel.ForEach(hashes, new ParallelOptions { CancellationToken = ct },
            () => new ColourHistogram(),
            (sha, _, local) =>
            {
                local.Add(ImageCodec.DecodeFile(store.PathOf(sha)));
                return local;
            },
            local => { lock (gate) total.Add(local); }), ct);
        cache.Set(key, total, TimeSpan.FromHours(1));
        return (name, total);
    }

    private async Task<(string Name, List<string> Hashes)> LoadAsync(ImageSetRef set, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        if (set.IsPool)
        {
            var pool = await pools.ImagesAsync(set.Id, ct) ?? throw new KeyNotFoundException($"No generated pool {set.Id}.");
            return (pool.Name, pool.Images.Select(i => i.Sha256).ToList());
        }
        var dataset = await db.Datasets.Where(d => d.Id == set.Id).Select(d => d.Name).SingleOrDefaultAsync(ct)
                      ?? throw new KeyNotFoundException($"No dataset {set.Id}.");
        var images = db.DatasetImages.Where(i => i.DatasetId == set.Id);
        if (set.Label is not null) images = images.Where(i => i.Label == set.Label);
        var name = set.Label is null ? dataset : $"{dataset} / {set.Label}";
        return (name, await images.OrderBy(i => i.Id).Select(i => i.Sha256).ToListAsync(ct));
    }
}
