using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanoGans.Server.Tests.Datasets;

/// <summary>
/// ISIC-layout and file,label imports from an import root: crop and resize, idempotence, skipped files,
/// malformed CSVs, and the import-root fence.
/// </summary>
public sealed class DatasetImportTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("melanogans-import-").FullName;
    private readonly StudioFactory _factory;
    private AsyncServiceScope _scope;

    public DatasetImportTests() =>
        _factory = new StudioFactory(new Dictionary<string, string>
        {
            ["Studio:Import:Roots:0"] = _root,
            ["Studio:Phantom:Enabled"] = "false",
        });

    private IDatasetCatalog Catalog => _scope.ServiceProvider.GetRequiredService<IDatasetCatalog>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _scope = ScopeAs.Create(_factory.Services, "admin", Roles.Admin);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task An_isic_folder_is_cropped_resized_and_labelled_and_bad_files_are_listed()
    {
        var folder = MakeIsicFolder(out var csv);

        var result = await Catalog.StartImportAsync(new DatasetImportRequest("ISIC test", DatasetImportFormat.Isic, folder, csv, 32), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var dataset = await WaitFinishedAsync("ISIC test");
        Assert.Equal("Ready", dataset.State);
        Assert.Equal(3, dataset.ImageCount);
        Assert.Equal(5, dataset.ExpectedCount);
        Assert.Contains("ISIC_0000003", dataset.Message);   // the corrupt JPEG
        Assert.Contains("ISIC_0000004", dataset.Message);   // listed but absent
        Assert.Equal(new Dictionary<string, int> { ["melanoma"] = 1, ["seborrheic_keratosis"] = 1, ["nevus"] = 1 },
            dataset.CountsByLabel.ToDictionary(c => c.Label, c => c.Count));

        // The 80x48 JPEG became a 32x32 PNG of its centre.
        var page = await Catalog.ImagesAsync(dataset.Id, "melanoma", 0, 10, Ct);
        var stored = ImageCodec.DecodeFile(Path.Combine(_factory.DataDirectory, "images", page.Images.Single().Sha256 + ".png"));
        Assert.Equal((32, 32), (stored.Width, stored.Height));
    }

    [Fact]
    public async Task Importing_the_same_folder_again_adds_nothing_twice()
    {
        var folder = MakeIsicFolder(out var csv);
        var request = new DatasetImportRequest("Twice", DatasetImportFormat.Isic, folder, csv, 32);
        await Catalog.StartImportAsync(request, Ct);
        var first = await WaitFinishedAsync("Twice");

        Assert.True((await Catalog.StartImportAsync(request, Ct)).Succeeded);
        var second = await WaitFinishedAsync("Twice");

        Assert.Equal(first.ImageCount, second.ImageCount);
        Assert.Single(await Catalog.ListAsync(Ct));
    }

    [Fact]
    public async Task Bad_csv_rows_are_listed_with_their_line_numbers_while_good_rows_import()
    {
        var folder = MakeIsicFolder(out _);
        var csv = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(csv, "image_id,melanoma,seborrheic_keratosis\nISIC_0000000,1,0\nISIC_0000001,1,1\nISIC_0000000,0,0\n", Ct);

        await Catalog.StartImportAsync(new DatasetImportRequest("Bad rows", DatasetImportFormat.Isic, folder, csv, 32), Ct);
        var dataset = await WaitFinishedAsync("Bad rows");

        Assert.Equal(("Ready", 1), (dataset.State, dataset.ImageCount));
        Assert.Contains("line 3", dataset.Message);   // both flags set
        Assert.Contains("line 4", dataset.Message);   // duplicate image id
    }

    [Fact]
    public async Task A_csv_with_missing_columns_fails_and_imports_nothing()
    {
        var folder = MakeIsicFolder(out _);
        var csv = Path.Combine(folder, "columns.csv");
        await File.WriteAllTextAsync(csv, "image_id,melanoma\nISIC_0000000,1\n", Ct);

        await Catalog.StartImportAsync(new DatasetImportRequest("No columns", DatasetImportFormat.Isic, folder, csv, 32), Ct);
        var dataset = await WaitFinishedAsync("No columns");

        Assert.Equal(("Failed", 0), (dataset.State, dataset.ImageCount));
        Assert.Contains("nothing was imported", dataset.Message);
    }

    [Fact]
    public async Task A_png_bomb_and_a_text_file_named_png_are_skipped_with_a_reason_each()
    {
        var folder = Path.Combine(_root, "hostile");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "good.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 3, 32)), Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bomb.png"), PngBomb(100_000, 100_000), Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.png"), "this is not an image", Ct);
        var csv = Path.Combine(folder, "labels.csv");
        await File.WriteAllTextAsync(csv, "file,label\ngood.png,nevus\nbomb.png,melanoma\nnotes.png,nevus\n", Ct);

        await Catalog.StartImportAsync(new DatasetImportRequest("Hostile", DatasetImportFormat.LabelledFolder, folder, csv, 32), Ct);
        var dataset = await WaitFinishedAsync("Hostile");

        Assert.Equal(("Ready", 1), (dataset.State, dataset.ImageCount));
        Assert.Contains("bomb.png: PNG declares 100000x100000 pixels", dataset.Message);
        Assert.Contains("notes.png", dataset.Message);
    }

    /// <summary>A tiny PNG whose header declares a huge image: decoding it would need gigabytes.</summary>
    private static byte[] PngBomb(int width, int height)
    {
        var png = ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 4, 32));
        // IHDR: type at bytes 12-15, width and height (big-endian) at 16-23, its CRC at 29-32.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        var crc = 0xFFFFFFFFu;
        foreach (var b in png.AsSpan(12, 17))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), ~crc);
        return png;
    }

    [Fact]
    public async Task A_labelled_folder_imports_with_its_file_label_csv()
    {
        var folder = Path.Combine(_root, "labelled");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "a.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 1, 64)), Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "b.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Melanoma, 2, 64)), Ct);
        var csv = Path.Combine(folder, "labels.csv");
        await File.WriteAllTextAsync(csv, "file,label\na.png,nevus\nb.png,melanoma\n", Ct);

        Assert.True((await Catalog.StartImportAsync(new DatasetImportRequest("Labelled", DatasetImportFormat.LabelledFolder, folder, csv, 64), Ct)).Succeeded);
        var dataset = await WaitFinishedAsync("Labelled");

        Assert.Equal(("Ready", 2, (string?)null), (dataset.State, dataset.ImageCount, dataset.Message));
    }

    [Fact]
    public async Task Folders_outside_the_import_roots_and_odd_resolutions_are_refused()
    {
        var folder = MakeIsicFolder(out var csv);

        var outside = await Catalog.StartImportAsync(new DatasetImportRequest("Out", DatasetImportFormat.Isic, "/etc", "/etc/passwd", 32), Ct);
        var escaping = await Catalog.StartImportAsync(new DatasetImportRequest("Up", DatasetImportFormat.Isic, Path.Combine(folder, "..", "..", ".."), csv, 32), Ct);
        var odd = await Catalog.StartImportAsync(new DatasetImportRequest("Odd", DatasetImportFormat.Isic, folder, csv, 100), Ct);

        Assert.Contains("import root", Assert.Single(outside.Errors));
        Assert.Contains("import root", Assert.Single(escaping.Errors));
        Assert.Contains("power of two", Assert.Single(odd.Errors));
        Assert.Empty(await Catalog.ListAsync(Ct));
    }

    [Fact]
    public async Task The_import_roots_offer_the_folder_and_its_csv_to_admins_only()
    {
        var folder = MakeIsicFolder(out var csv);

        var candidate = Assert.Single(await Catalog.ImportFoldersAsync(Ct));
        Assert.Equal((folder, 4), (candidate.Folder, candidate.ImageFiles));
        Assert.Contains(new ImportCsvFile(csv, DatasetImportFormat.Isic), candidate.CsvFiles);

        await using var lead = ScopeAs.Create(_factory.Services, "lead", Roles.Lead);
        var leads = lead.ServiceProvider.GetRequiredService<IDatasetCatalog>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => leads.ImportFoldersAsync(Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            leads.StartImportAsync(new DatasetImportRequest("x", DatasetImportFormat.Isic, folder, csv, 32), Ct));
    }

    /// <summary>
    /// ISIC layout: images in a folder, the ground truth beside it. Five rows: a PNG, a wide JPEG, a PNG,
    /// a corrupt JPEG and one image that is missing.
    /// </summary>
    private string MakeIsicFolder(out string csv)
    {
        var archive = Path.Combine(_root, "ISIC-2017");
        var folder = Path.Combine(archive, "ISIC-2017_Training_Data");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "ISIC_0000000.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 10, 64)));
        using (var wide = new Image<Rgb24>(80, 48, new Rgb24(200, 120, 90)))
            wide.SaveAsJpeg(Path.Combine(folder, "ISIC_0000001.jpg"));
        File.WriteAllBytes(Path.Combine(folder, "ISIC_0000002.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.SeborrheicKeratosis, 11, 48)));
        File.WriteAllBytes(Path.Combine(folder, "ISIC_0000003.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5]);
        csv = Path.Combine(archive, "ISIC-2017_Training_Part3_GroundTruth.csv");
        File.WriteAllText(csv, """
            image_id,melanoma,seborrheic_keratosis
            ISIC_0000000,0.0,0.0
            ISIC_0000001,1.0,0.0
            ISIC_0000002,0.0,1.0
            ISIC_0000003,0.0,0.0
            ISIC_0000004,1.0,0.0

            """);
        return folder;
    }

    private Task<DatasetSummary> WaitFinishedAsync(string name) =>
        Eventually.ReturnsAsync(async () => (await Catalog.ListAsync()).FirstOrDefault(d => d.Name == name),
            d => d is { State: not "Building" }, what: $"dataset {name}").ContinueWith(t => t.Result!);
}
