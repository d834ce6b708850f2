using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Models;

/// <summary>
/// What other features may know of registered generators (generation, experiments and metrics ask here and never
/// read the models' table).
/// </summary>
public interface IModelReader
{
    /// <summary>One model; null when none has this id (never registered, or deleted).</summary>
    Task<ModelInfo?> FindAsync(int modelId, CancellationToken ct = default);

    /// <summary>The models of <paramref name="modelIds"/> that exist, in no particular order.</summary>
    Task<IReadOnlyList<ModelInfo>> FindManyAsync(IReadOnlyCollection<int> modelIds, CancellationToken ct = default);
}

/// <summary>A registered generator as other features see it.</summary>
/// <param name="Dataset">The manifest's dataset name (what it was trained on, as its maker called it).</param>
/// <param name="TrainingDatasetId">The studio's dataset it was trained on, when a training job of this studio made it.</param>
/// <param name="Class">The lesion class it was trained on; null when trained on every class.</param>
/// <param name="Origin">Where it came from: "training job 12", "upload", "demo".</param>
/// <param name="Generator">What the ONNX session cache needs to run it.</param>
public sealed record ModelInfo(
    int Id, string Name, string Architecture, int Resolution, string Dataset, int? TrainingDatasetId, string? Class, string Origin, GeneratorSpec Generator);

internal sealed class ModelReader(IDbContextFactory<StudioDbContext> dbs, ModelFiles files) : IModelReader
{
    public async Task<ModelInfo?> FindAsync(int modelId, CancellationToken ct = default) =>
        (await FindManyAsync([modelId], ct)).SingleOrDefault();

    public async Task<IReadOnlyList<ModelInfo>> FindManyAsync(IReadOnlyCollection<int> modelIds, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var models = await db.GeneratorModels.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToListAsync(ct);
        return models.Select(m => new ModelInfo(m.Id, m.Name, m.Architecture, m.Resolution, m.Dataset, m.TrainingDatasetId, m.Class, m.Origin, files.SpecOf(m))).ToList();
    }
}
