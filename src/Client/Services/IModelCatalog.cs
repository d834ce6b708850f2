using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>The models page's service (admins only): registered generators, uploads and generation jobs.</summary>
public interface IModelCatalog
{
    /// <summary>Every registered generator, newest first.</summary>
    Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>
    /// Validates and registers an uploaded <c>generator.onnx</c> + <c>generator.json</c>; the errors say
    /// why a model was refused (nothing is stored then).
    /// </summary>
    Task<OperationResult> UploadAsync(byte[] onnx, byte[] manifestJson, CancellationToken ct = default);

    /// <summary>The inference device in use and, when it is not the requested one, why.</summary>
    Task<InferenceDeviceInfo> DeviceAsync(CancellationToken ct = default);

    /// <summary>Creates the pool and queues its generation job; progress arrives as <see cref="JobProgress"/> events on <see cref="IStudioEvents"/>.</summary>
    Task<(OperationResult Result, int? PoolId)> StartGenerationAsync(GenerationRequest request, CancellationToken ct = default);

    /// <summary>Asks a queued or running generation job to stop; the images made so far stay in the pool.</summary>
    Task<OperationResult> CancelGenerationAsync(int poolId, CancellationToken ct = default);

    /// <summary>Generated pools, newest first; only those of one model when <paramref name="modelId"/> is given.</summary>
    Task<IReadOnlyList<GeneratedPoolSummary>> PoolsAsync(int? modelId, CancellationToken ct = default);

    /// <summary>Images of a pool in seed order.</summary>
    Task<GeneratedImagePage> PoolImagesAsync(int poolId, int skip, int take, CancellationToken ct = default);
}
