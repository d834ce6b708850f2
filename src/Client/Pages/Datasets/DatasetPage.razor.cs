using MelanoGans.Shared.Imaging;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web.Virtualization;

namespace MelanoGans.Client.Pages.Datasets;

/// <summary>One dataset: a virtualised gallery with a class filter, a large view and colour histograms.</summary>
public partial class DatasetPage
{
    private const int Columns = 6;

    [Parameter] public int Id { get; set; }

    [Inject] private IDatasetCatalog Catalog { get; set; } = default!;

    private DatasetSummary? _dataset;
    private bool _loaded;
    private string? _label;
    private DatasetImageView? _selected;
    private IReadOnlyList<ColourCurves>? _colours;
    private string? _colourError;
    private Virtualize<DatasetImageView[]>? _gallery;

    protected override async Task OnParametersSetAsync()
    {
        _dataset = await Catalog.GetAsync(Id);
        _loaded = true;
        await LoadColoursAsync();
    }

    private static string ImageUrl(DatasetImageView image) => ContentAddress.ImageUrl(image.Sha256);

    private async Task FilterAsync(string? label)
    {
        _label = label;
        _colours = null;
        if (_gallery is not null) await _gallery.RefreshDataAsync();
        await LoadColoursAsync();
    }

    private async Task LoadColoursAsync()
    {
        if (_dataset is null || _dataset.ImageCount == 0)
        {
            _colourError = "No images yet.";
            return;
        }
        _colourError = null;
        var curves = await Catalog.ColoursAsync(new ImageSetRef(false, Id, _label));
        _colours = [curves];
    }

    // The gallery virtualises rows of images: only the rows in view (plus overscan) are fetched.
    private async ValueTask<ItemsProviderResult<DatasetImageView[]>> LoadRowsAsync(ItemsProviderRequest request)
    {
        var page = await Catalog.ImagesAsync(Id, _label, request.StartIndex * Columns, request.Count * Columns, request.CancellationToken);
        var rows = page.Images.Chunk(Columns).ToList();
        return new ItemsProviderResult<DatasetImageView[]>(rows, (page.Total + Columns - 1) / Columns);
    }
}
