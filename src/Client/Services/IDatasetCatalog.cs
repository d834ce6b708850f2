using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Client.Services;

/// <summary>Datasets for the dataset pages (Admin and Lead); imports for admins.</summary>
public interface IDatasetCatalog
{
    Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken ct = default);

    Task<DatasetSummary?> GetAsync(int id, CancellationToken ct = default);

    /// <summary>Images of a dataset in a stable order, optionally one class only.</summary>
    Task<ImagePage> ImagesAsync(int datasetId, string? label, int skip, int take, CancellationToken ct = default);

    /// <summary>Every dataset (all images and each class) and generated pool, for comparison pickers.</summary>
    Task<IReadOnlyList<ImageSetOption>> ImageSetsAsync(CancellationToken ct = default);

    /// <summary>The colour histograms of an image set (computed once, then cached).</summary>
    Task<ColourCurves> ColoursAsync(ImageSetRef set, CancellationToken ct = default);

    /// <summary>Jensen-Shannon and Wasserstein-1 distances between two image sets, per channel and mean.</summary>
    Task<ColourComparison> CompareAsync(ImageSetRef a, ImageSetRef b, CancellationToken ct = default);

    /// <summary>Everything the last import of a dataset skipped, with the reason, in the order found (admins and leads).</summary>
    Task<IReadOnlyList<DatasetSkipView>> SkippedAsync(int datasetId, CancellationToken ct = default);

    /// <summary>Folders under the import roots that could be imported (admins only).</summary>
    Task<IReadOnlyList<ImportFolderCandidate>> ImportFoldersAsync(CancellationToken ct = default);

    /// <summary>Queues an import; progress arrives as <see cref="JobProgress"/> events on <see cref="IStudioEvents"/> (admins only).</summary>
    Task<OperationResult> StartImportAsync(DatasetImportRequest request, CancellationToken ct = default);
}
