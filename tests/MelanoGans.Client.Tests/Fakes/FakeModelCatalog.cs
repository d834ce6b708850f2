using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>Lists the models a test puts in, on the CPU, without pools; generation is not used by the components under test.</summary>
public sealed class FakeModelCatalog : IModelCatalog
{
    public List<ModelSummary> Models { get; } = [];

    public static ModelSummary Model(int id, string name) => new(
        id, name, "dcgan", 32, "z: 64", "phantom", null, 100, new string('a', 64), "upload", 1000, [], DateTimeOffset.UnixEpoch.AddDays(id));

    public Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ModelSummary>>(Models.ToList());

    public Task<OperationResult> UploadAsync(byte[] onnx, byte[] manifestJson, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<InferenceDeviceInfo> DeviceAsync(CancellationToken ct = default) => Task.FromResult(new InferenceDeviceInfo("auto", "CPU", null));

    public Task<(OperationResult Result, int? PoolId)> StartGenerationAsync(GenerationRequest request, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<OperationResult> CancelGenerationAsync(int poolId, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GeneratedPoolSummary>> PoolsAsync(int? modelId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<GeneratedPoolSummary>>([]);

    public Task<GeneratedImagePage> PoolImagesAsync(int poolId, int skip, int take, CancellationToken ct = default) => throw new NotSupportedException();
}
