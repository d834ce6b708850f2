using System.Diagnostics;
using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Datasets;

/// <summary>
/// What a security probe found in imports: links out of the import root, a FIFO that hung every import,
/// skip reasons cut off after five, and one image stored twice in a dataset. Real files, the real server.
/// </summary>
public sealed class DatasetImportHardeningTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("melanogans-import-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("melanogans-outside-").FullName;
    private readonly StudioFactory _factory;
    private AsyncServiceScope _scope;

    public DatasetImportHardeningTests() =>
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
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task A_folder_or_csv_linked_from_outside_the_root_is_neither_offered_nor_imported()
    {
        var secret = Path.Combine(_outside, "secret");
        Directory.CreateDirectory(secret);
        WritePng(secret, "a.png", 1);
        var secretCsv = WriteCsv(secret, "a.png,nevus");
        var linked = Path.Combine(_root, "linked");
        Directory.CreateSymbolicLink(linked, secret);
        var inside = Path.Combine(_root, "inside");
        Directory.CreateDirectory(inside);
        WritePng(inside, "b.png", 2);
        var linkedCsv = Path.Combine(inside, "labels.csv");
        File.CreateSymbolicLink(linkedCsv, secretCsv);

        Assert.Empty(await Catalog.ImportFoldersAsync(Ct));   // neither the linked folder nor the folder whose only CSV links out
        var folder = await Catalog.StartImportAsync(new DatasetImportRequest("Linked folder", DatasetImportFormat.LabelledFolder,
            linked, Path.Combine(linked, "labels.csv"), 32), Ct);
        var csv = await Catalog.StartImportAsync(new DatasetImportRequest("Linked CSV", DatasetImportFormat.LabelledFolder,
            inside, linkedCsv, 32), Ct);

        Assert.Equal("linked links outside the import root.", Assert.Single(folder.Errors));
        Assert.Equal("labels.csv links outside the import root.", Assert.Single(csv.Errors));
        Assert.Empty(await Catalog.ListAsync(Ct));
    }

    [Fact]
    public async Task An_image_linked_from_outside_the_root_is_skipped_with_the_reason()
    {
        WritePng(_outside, "private.png", 3);
        var folder = Path.Combine(_root, "mixed");
        Directory.CreateDirectory(folder);
        WritePng(folder, "good.png", 4);
        File.CreateSymbolicLink(Path.Combine(folder, "x.png"), Path.Combine(_outside, "private.png"));
        var csv = WriteCsv(folder, "good.png,nevus", "x.png,melanoma");

        await Catalog.StartImportAsync(new DatasetImportRequest("Mixed", DatasetImportFormat.LabelledFolder, folder, csv, 32), Ct);
        var dataset = await WaitFinishedAsync("Mixed");

        Assert.Equal(("Ready", 1), (dataset.State, dataset.ImageCount));
        Assert.Contains("x.png: links outside the import root", dataset.Message);
    }

    [Fact]
    public async Task A_fifo_named_like_an_image_is_skipped_within_seconds_while_a_second_import_completes()
    {
        var stuck = Path.Combine(_root, "stuck");
        Directory.CreateDirectory(stuck);
        WritePng(stuck, "good.png", 5);
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(stuck, "pipe.png")))
            await mkfifo.WaitForExitAsync(Ct);
        var stuckCsv = WriteCsv(stuck, "pipe.png,melanoma", "good.png,nevus");
        var plain = Path.Combine(_root, "plain");
        Directory.CreateDirectory(plain);
        WritePng(plain, "c.png", 6);
        var plainCsv = WriteCsv(plain, "c.png,nevus");
        var clock = Stopwatch.StartNew();

        await Catalog.StartImportAsync(new DatasetImportRequest("Stuck", DatasetImportFormat.LabelledFolder, stuck, stuckCsv, 32), Ct);
        await Catalog.StartImportAsync(new DatasetImportRequest("Plain", DatasetImportFormat.LabelledFolder, plain, plainCsv, 32), Ct);
        var second = await WaitFinishedAsync("Plain", TimeSpan.FromSeconds(20));
        var first = await WaitFinishedAsync("Stuck", TimeSpan.FromSeconds(20));

        Assert.Equal(("Ready", 1), (second.State, second.ImageCount));
        Assert.Equal(("Ready", 1), (first.State, first.ImageCount));
        Assert.Contains("pipe.png: is a FIFO, not a regular file", first.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Every_skip_reason_is_kept_and_downloadable_as_csv_while_the_summary_stays_short()
    {
        var folder = Path.Combine(_root, "many");
        Directory.CreateDirectory(folder);
        WritePng(folder, "good.png", 7);
        var missing = Enumerable.Range(0, 12).Select(i => $"gone_{i:00}.png").ToList();
        var csv = WriteCsv(folder, ["good.png,nevus", .. missing.Select(m => $"{m},melanoma"), "\"odd, name.png\",nevus"]);

        await Catalog.StartImportAsync(new DatasetImportRequest("Many", DatasetImportFormat.LabelledFolder, folder, csv, 32), Ct);
        var dataset = await WaitFinishedAsync("Many");

        Assert.Equal(("Ready", 1), (dataset.State, dataset.ImageCount));
        Assert.Contains("and 8 more", dataset.Message);   // 13 skipped, five spelled out
        var client = BrowserlessClient.Create(_factory);
        await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        var response = await client.GetAsync($"/api/datasets/{dataset.Id}/skipped.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("item,reason", lines[0]);
        Assert.Equal([.. missing.Select(m => $"{m},no such image in the folder"), "\"odd, name.png\",no such image in the folder"], lines[1..]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/datasets/9999/skipped.csv", Ct)).StatusCode);

        await using var rater = ScopeAs.Create(_factory.Services, "admin", Roles.Admin);
        var users = rater.ServiceProvider.GetRequiredService<IUserAdministration>();
        await users.CreateAsync("rory", "Rater-Pass-1", [Roles.Rater]);
        var raterClient = BrowserlessClient.Create(_factory);
        await BrowserlessClient.SignInAsync(raterClient, "rory", "Rater-Pass-1");
        Assert.NotEqual(HttpStatusCode.OK, (await raterClient.GetAsync($"/api/datasets/{dataset.Id}/skipped.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_same_image_under_two_names_or_through_a_link_is_stored_once_and_the_copies_reported()
    {
        var folder = Path.Combine(_root, "twice");
        Directory.CreateDirectory(folder);
        WritePng(folder, "good2.png", 8);
        File.CreateSymbolicLink(Path.Combine(folder, "alias.png"), Path.Combine(folder, "good2.png"));
        WritePng(folder, "other.png", 9);
        var csv = WriteCsv(folder, "good2.png,nevus", "GOOD2.PNG,nevus", "alias.png,nevus", "other.png,melanoma");

        await Catalog.StartImportAsync(new DatasetImportRequest("Twice", DatasetImportFormat.LabelledFolder, folder, csv, 32), Ct);
        var dataset = await WaitFinishedAsync("Twice");

        Assert.Equal(("Ready", 2), (dataset.State, dataset.ImageCount));
        var page = await Catalog.ImagesAsync(dataset.Id, null, 0, 10, Ct);
        Assert.Equal(["good2.png", "other.png"], page.Images.Select(i => i.Origin));
        Assert.Contains("GOOD2.PNG: the same image as good2.png", dataset.Message);
        Assert.Contains("alias.png: the same image as good2.png", dataset.Message);

        // Importing again adds nothing and reports the same copies.
        await Catalog.StartImportAsync(new DatasetImportRequest("Twice", DatasetImportFormat.LabelledFolder, folder, csv, 32), Ct);
        var again = await Eventually.ReturnsAsync(() => Catalog.GetAsync(dataset.Id, Ct), d => d is { State: "Ready" });
        Assert.Equal((2, dataset.Message), (again!.ImageCount, again.Message));
    }

    private static void WritePng(string folder, string name, ulong seed) =>
        File.WriteAllBytes(Path.Combine(folder, name), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, seed, 32)));

    private static string WriteCsv(string folder, params string[] rows)
    {
        var csv = Path.Combine(folder, "labels.csv");
        File.WriteAllText(csv, "file,label\n" + string.Join("\n", rows) + "\n");
        return csv;
    }

    private Task<DatasetSummary> WaitFinishedAsync(string name, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(async () => (await Catalog.ListAsync()).FirstOrDefault(d => d.Name == name),
            d => d is { State: not "Building" }, timeout, what: $"dataset {name}").ContinueWith(t => t.Result!);
}
