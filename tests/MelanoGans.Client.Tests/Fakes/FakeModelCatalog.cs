using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>Lists the models a test puts in; the rest of the catalog is not used by the components under test.</summary>
public sealed class FakeModelCatalog : IModelCatalog
{
    public List<ModelSummary> Models { get; } = [];

    public Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ModelSummary>>(Models.ToList());

    public Task<OperationResult> UploadAsync(byte[] onnx, byte[] manifestJson, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<InferenceDeviceInfo> DeviceAsync(CancellationToken ct = default) => throw new NotSupportedException();

    public Task<(OperationResult Result, int? PoolId)> StartGenerationAsync(GenerationRequest request, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<OperationResult> CancelGenerationAsync(int poolId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GeneratedPoolSummary>> PoolsAsync(int? modelId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<GeneratedImagePage> PoolImagesAsync(int poolId, int skip, int take, CancellationToken ct = default) => throw new NotSupportedException();
}
