using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>Lists the datasets a test puts in; the rest of the catalog is not used by the components under test.</summary>
public sealed class FakeDatasetCatalog : IDatasetCatalog
{
    public List<DatasetSummary> Datasets { get; } = [];

    public Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<DatasetSummary>>(Datasets.ToList());

    public Task<DatasetSummary?> GetAsync(int id, CancellationToken ct = default) => Task.FromResult(Datasets.FirstOrDefault(d => d.Id == id));

    public Task<ImagePage> ImagesAsync(int datasetId, string? label, int skip, int take, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ImageSetOption>> ImageSetsAsync(CancellationToken ct = default) => throw new NotSupportedException();

    public Task<ColourCurves> ColoursAsync(ImageSetRef set, CancellationToken ct = default) => throw new NotSupportedException();

    public Task<ColourComparison> CompareAsync(ImageSetRef a, ImageSetRef b, CancellationToken ct = default) => throw new NotSupportedException();

    /// <summary>What <see cref="SkippedAsync"/> answers for every dataset.</summary>
    public List<DatasetSkipView> Skipped { get; } = [];

    public Task<IReadOnlyList<DatasetSkipView>> SkippedAsync(int datasetId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<DatasetSkipView>>(Skipped.ToList());

    public Task<IReadOnlyList<ImportFolderCandidate>> ImportFoldersAsync(CancellationToken ct = default) => throw new NotSupportedException();

    public Task<OperationResult> StartImportAsync(DatasetImportRequest request, CancellationToken ct = default) => throw new NotSupportedException();
}
