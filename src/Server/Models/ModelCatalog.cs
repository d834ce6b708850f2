using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Models;

/// <summary>The models page's service; every call is for admins only, checked here on the server.</summary>
internal sealed class ModelCatalog(
    IDbContextFactory<StudioDbContext> dbs,
    IModelRegistry registry,
    OnnxSessionFactory sessions,
    GenerationJobs jobs,
    IPoolReader pools,
    IOptions<ModelOptions> options,
    CurrentUser current) : IModelCatalog
{
    public const string UploadOrigin = "upload";

    public async Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var models = await db.GeneratorModels.AsNoTracking().ToListAsync(ct);
        return models.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(ToSummary).ToList();
    }

    public async Task<OperationResult> UploadAsync(byte[] onnx, byte[] manifestJson, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        if (onnx.LongLength > options.Value.MaxUploadBytes)
            return OperationResult.Fail($"generator.onnx is larger than the {options.Value.MaxUploadBytes / (1024 * 1024)} MB upload limit.");
        var result = await registry.RegisterAsync(onnx, manifestJson, UploadOrigin, ct: ct);
        return result.Succeeded ? OperationResult.Ok : OperationResult.Fail([.. result.Errors]);
    }

    public async Task<InferenceDeviceInfo> DeviceAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return sessions.Describe();
    }

    public async Task<(OperationResult Result, int? PoolId)> StartGenerationAsync(GenerationRequest request, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await jobs.StartAsync(request, ct);
    }

    public async Task<OperationResult> CancelGenerationAsync(int poolId, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await jobs.CancelAsync(poolId, ct);
    }

    public async Task<IReadOnlyList<GeneratedPoolSummary>> PoolsAsync(int? modelId, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await pools.SummariesAsync(modelId, ct);
    }

    public async Task<GeneratedImagePage> PoolImagesAsync(int poolId, int skip, int take, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await pools.PageAsync(poolId, skip, take, ct);
    }

    private static ModelSummary ToSummary(GeneratorModel m) => new(
        m.Id, m.Name, m.Architecture, m.Resolution,
        ManifestReader.DescribeInputs(System.Text.Json.JsonSerializer.Deserialize<List<GeneratorInput>>(m.InputsJson) ?? []),
        ManifestReader.DatasetName(m.Dataset), m.Class, m.Step, m.Sha256, m.Origin, m.FileBytes,
        m.SampleSha256s.Split(',', StringSplitOptions.RemoveEmptyEntries), m.CreatedAt,
        m is { HeldOutTestFraction: { } fraction, HeldOutSplitSeed: { } seed } ? new HeldOutSplit(fraction, seed) : null);
}
