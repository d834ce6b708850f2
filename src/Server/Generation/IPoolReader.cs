using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Generation;

/// <summary>What other features may know of generated pools (studies ask here and never read the pools' tables).</summary>
public interface IPoolReader
{
    /// <summary>Every pool with its image count, by name (what a study's set-up offers).</summary>
    Task<IReadOnlyList<PoolChoice>> ChoicesAsync(CancellationToken ct = default);

    /// <summary>
    /// A pool's name, its model's name, the lesion class its model was trained on (null for every class) and its images in
    /// generation order; null when there is no such pool.
    /// </summary>
    Task<(string Name, string ModelName, string? Label, IReadOnlyList<SourceImage> Images)?> ImagesAsync(int poolId, CancellationToken ct = default);

    /// <summary>Every pool (of one model when <paramref name="modelId"/> is set) with its progress, newest first (the models page).</summary>
    Task<IReadOnlyList<GeneratedPoolSummary>> SummariesAsync(int? modelId, CancellationToken ct = default);

    /// <summary>A page of a pool's images by seed, and how many it holds.</summary>
    Task<GeneratedImagePage> PageAsync(int poolId, int skip, int take, CancellationToken ct = default);

    /// <summary>True when a pool of <paramref name="modelId"/>, or one called <paramref name="name"/>, exists.</summary>
    Task<bool> ExistsAsync(int modelId, string name, CancellationToken ct = default);
}

internal sealed class PoolReader(IDbContextFactory<StudioDbContext> dbs) : IPoolReader
{
    public async Task<IReadOnlyList<PoolChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.GeneratedImages.GroupBy(i => i.PoolId)
            .Select(g => new { PoolId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PoolId, g => g.Count, ct);
        return (await db.GeneratedPools.OrderBy(p => p.Name).ToListAsync(ct))
            .Select(p => new PoolChoice(p.Id, p.Name, p.ModelName, p.Resolution, counts.GetValueOrDefault(p.Id), p.Label))
            .ToList();
    }

    public async Task<(string Name, string ModelName, string? Label, IReadOnlyList<SourceImage> Images)?> ImagesAsync(int poolId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pool = await db.GeneratedPools.Where(p => p.Id == poolId).Select(p => new { p.Name, p.ModelName, p.Label }).SingleOrDefaultAsync(ct);
        if (pool is null) return null;
        var images = await db.GeneratedImages.Where(i => i.PoolId == poolId)
            .OrderBy(i => i.Id).Select(i => new SourceImage(i.Id, i.Sha256)).ToListAsync(ct);
        return (pool.Name, pool.ModelName, pool.Label, images);
    }

    public async Task<IReadOnlyList<GeneratedPoolSummary>> SummariesAsync(int? modelId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.GeneratedPools.AsNoTracking();
        if (modelId is { } id) query = query.Where(p => p.ModelId == id);
        var pools = await query.OrderByDescending(p => p.Id)
            .Select(p => new { Pool = p, Count = p.Images.Count }).ToListAsync(ct);
        return pools.Select(p => new GeneratedPoolSummary(p.Pool.Id, p.Pool.Name, p.Pool.ModelId, p.Pool.ModelName, p.Pool.Resolution,
            p.Pool.Seed, p.Pool.Truncation, p.Count, p.Pool.RequestedCount, p.Pool.State, GenerationJobIds.For(p.Pool.Id),
            p.Pool.Message, p.Pool.CreatedAt)).ToList();
    }

    public async Task<GeneratedImagePage> PageAsync(int poolId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.GeneratedImages.AsNoTracking().Where(i => i.PoolId == poolId);
        var total = await query.CountAsync(ct);
        var images = await query.OrderBy(i => i.Seed).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 500))
            .Select(i => new GeneratedImageView(i.Id, i.Sha256, i.Seed)).ToListAsync(ct);
        return new GeneratedImagePage(images, total);
    }

    public async Task<bool> ExistsAsync(int modelId, string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.GeneratedPools.AnyAsync(p => p.ModelId == modelId || p.Name == name, ct);
    }
}
