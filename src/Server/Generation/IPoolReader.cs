using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Generation;

/// <summary>What other features may know of generated pools (studies ask here and never read the pools' tables).</summary>
public interface IPoolReader
{
    /// <summary>Every pool with its image count, by name (what a study's set-up offers).</summary>
    Task<IReadOnlyList<PoolChoice>> ChoicesAsync(CancellationToken ct = default);

    /// <summary>A pool's name, its model's name and its images in generation order; null when there is no such pool.</summary>
    Task<(string Name, string ModelName, IReadOnlyList<SourceImage> Images)?> ImagesAsync(int poolId, CancellationToken ct = default);
}

internal sealed class PoolReader(IDbContextFactory<StudioDbContext> dbs) : IPoolReader
{
    public async Task<IReadOnlyList<PoolChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.GeneratedImages.GroupBy(i => i.PoolId)
            .Select(g => new { PoolId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PoolId, g => g.Count, ct);
        return (await db.GeneratedPools.OrderBy(p => p.Name).ToListAsync(ct))
            .Select(p => new PoolChoice(p.Id, p.Name, p.ModelName, p.Resolution, counts.GetValueOrDefault(p.Id)))
            .ToList();
    }

    public async Task<(string Name, string ModelName, IReadOnlyList<SourceImage> Images)?> ImagesAsync(int poolId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pool = await db.GeneratedPools.Where(p => p.Id == poolId).Select(p => new { p.Name, p.ModelName }).SingleOrDefaultAsync(ct);
        if (pool is null) return null;
        var images = await db.GeneratedImages.Where(i => i.PoolId == poolId)
            .OrderBy(i => i.Id).Select(i => new SourceImage(i.Id, i.Sha256)).ToListAsync(ct);
        return (pool.Name, pool.ModelName, images);
    }
}
