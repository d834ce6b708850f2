using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>Metrics a test puts in, and the starts the page asks for.</summary>
public sealed class FakeModelMetrics : IModelMetrics
{
    public List<ModelMetricsView> Latest { get; } = [];

    public List<TrainingJobSummary> Jobs { get; } = [];

    public List<(int ModelId, int? DatasetId)> Started { get; } = [];

    public Task<IReadOnlyList<ModelMetricsView>> LatestAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ModelMetricsView>>(Latest.ToList());

    public Task<(OperationResult Result, long? JobId)> StartAsync(int modelId, int? datasetId = null, CancellationToken ct = default)
    {
        Started.Add((modelId, datasetId));
        return Task.FromResult<(OperationResult, long?)>((OperationResult.Ok, Started.Count));
    }

    public Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<TrainingJobSummary>>(Jobs.ToList());

    public Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default) => Task.FromResult(OperationResult.Ok);

    public static ModelMetricsView Metrics(int modelId, string name, double fd, int count = 2000) => new(
        modelId, name, "Phantom", "resnet18", count, count, fd, 0.012, 0.001, 0.7, 0.4, 0.9, 0.6, 0.01, 0.0, 7, DateTimeOffset.UnixEpoch,
        [new MemorisationPairView(new string('a', 64), new string('b', 64), 0.05, 0.8)]);
}
