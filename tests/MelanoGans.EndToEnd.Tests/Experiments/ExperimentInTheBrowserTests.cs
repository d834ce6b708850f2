using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Experiments;

/// <summary>
/// Issue 8 in a real browser: the admin starts the class-imbalance experiment with a melanoma generator, the
/// server's local worker process runs it, each finished classifier appears live, and the stored result shows as
/// the study's table. Runs alone, after the shared-server tests, since it adds a dataset and a model they count.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ExperimentInTheBrowserTests(BrowserFixture browser)
{
    private const string DatasetName = "melanoma-experiment";

    [Fact]
    public async Task Admin_starts_an_experiment_watches_its_classifiers_finish_and_reads_the_result_table()
    {
        var ct = TestContext.Current.CancellationToken;
        var datasetId = await ImportLabelledLesionsAsync(ct);
        var model = await TrainMelanomaModelAsync(datasetId, ct);

        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.ClickAsync("[data-testid=nav-experiments]");
        await page.Locator("[data-testid=start-experiment-run]:not([disabled])").WaitForAsync(new() { Timeout = 60_000 });

        await StudioPage.ChooseAsync(page, "experiment-dataset", DatasetName);
        var preview = page.Locator("[data-testid=experiment-split-preview]");
        await Assertions.Expect(preview).ToContainTextAsync("Training split 16 melanomas + 16 others; the imbalanced arms keep 2 melanomas.");

        // The 32 px melanoma generator fits only once the experiment runs at 32 px; the all-class demo never does.
        var generator = page.Locator("[data-testid=experiment-model]", new() { HasText = model.Name });
        await Assertions.Expect(generator).ToHaveAttributeAsync("data-fits", "no");
        await page.ClickAsync("[data-testid=experiment-resolution-32]");
        await Assertions.Expect(generator).ToHaveAttributeAsync("data-fits", "yes");
        await Assertions.Expect(page.Locator("[data-testid=experiment-model]", new() { HasText = "phantom step 2000" }))
            .ToContainTextAsync("trained on all classes");
        await generator.Locator("label").ClickAsync();
        await Assertions.Expect(generator.Locator("input")).ToBeCheckedAsync();

        await StudioPage.FillNumberAsync(page, "experiment-remove", "0.5");
        await Assertions.Expect(preview).ToContainTextAsync("the imbalanced arms keep 8 melanomas. Test split 4 melanomas + 4 others.");
        await StudioPage.FillNumberAsync(page, "experiment-seeds", "2");
        await StudioPage.FillNumberAsync(page, "experiment-steps", "40");
        await StudioPage.FillNumberAsync(page, "experiment-batch", "8");
        await StudioPage.FillNumberAsync(page, "experiment-width", "4");
        await page.ClickAsync("[data-testid=start-experiment-run]");

        // Sample the page while the worker runs: classifiers must appear one by one before the job ends.
        var state = page.Locator("[data-testid=experiment-jobs] [data-testid=job-state]").First;
        var rowsWhileRunning = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        string current;
        while ((current = await state.GetAttributeAsync("data-state") ?? "") is not ("Succeeded" or "Failed" or "Cancelled"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the experiment did not finish in time (state {current})");
            if (current == "Running")
            {
                rowsWhileRunning.Add(await page.Locator("[data-testid=experiment-live-row]").CountAsync());
            }

            await Task.Delay(150, ct);
        }

        var message = await page.Locator("[data-testid=experiment-job-message]").First.InnerTextAsync();
        Assert.True(current == "Succeeded", $"{current}: {message}");
        Assert.True(rowsWhileRunning.Count(n => n is > 0 and < 10) >= 2, $"classifiers did not appear live: {string.Join(", ", rowsWhileRunning.Order())}");
        await Assertions.Expect(page.Locator("[data-testid=experiment-live-row]")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("[data-testid=experiment-jobs]")).ToContainTextAsync("(local)");

        // The worker's results.json was stored and is shown as the study's table, one row per arm.
        var arms = page.Locator("[data-testid=experiment-detail] [data-testid=experiment-arm-row]");
        await Assertions.Expect(arms).ToHaveCountAsync(5);
        await Assertions.Expect(arms.Last).ToContainTextAsync(model.Name);
        await Assertions.Expect(page.Locator("[data-testid=experiment-detail]")).ToContainTextAsync($"Dataset {DatasetName} at 32 × 32");
        await Assertions.Expect(page.Locator("[data-testid=experiment-row-name]").First).ToContainTextAsync("Imbalance experiment on " + DatasetName);
        await Assertions.Expect(page.Locator("[data-testid=experiment-bar]")).ToHaveCountAsync(10);
    }

    /// <summary>20 melanomas and 20 nevi at 32 px in a labelled folder under the import root, imported as an admin would.</summary>
    private async Task<int> ImportLabelledLesionsAsync(CancellationToken ct)
    {
        var folder = Path.Combine(browser.ImportRoot, DatasetName);
        Directory.CreateDirectory(folder);
        var lines = new List<string> { "file,label" };
        for (var i = 0; i < 40; i++)
        {
            var label = i % 2 == 0 ? LesionClass.Melanoma : LesionClass.Nevus;
            await File.WriteAllBytesAsync(Path.Combine(folder, $"lesion{i}.png"), ImageCodec.EncodePng(PhantomRenderer.Render(label, (ulong)(1000 + i), 32)), ct);
            lines.Add($"lesion{i}.png,{label.ToIsicName()}");
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, "labels.csv"), lines, ct);
        await using var scope = ScopeAs.Create(browser.Factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        var datasets = scope.ServiceProvider.GetRequiredService<IDatasetCatalog>();
        var started = await datasets.StartImportAsync(
            new DatasetImportRequest(DatasetName, DatasetImportFormat.LabelledFolder, folder, Path.Combine(folder, "labels.csv"), 32), ct);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var dataset = await Eventually.ReturnsAsync(
            async () => (await datasets.ListAsync(ct)).FirstOrDefault(d => d.Name == DatasetName),
            d => d?.State == "Ready", TimeSpan.FromMinutes(1), "the import");
        return dataset!.Id;
    }

    /// <summary>A melanoma generator trained on that dataset by the server's local worker (two steps at 32 px).</summary>
    private async Task<ModelSummary> TrainMelanomaModelAsync(int datasetId, CancellationToken ct)
    {
        await using var scope = ScopeAs.Create(browser.Factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        var (started, jobId) = await scope.ServiceProvider.GetRequiredService<ITrainingJobs>().StartAsync(new TrainingJobOptions
        {
            Architecture = "dcgan",
            Resolution = 32,
            DatasetId = datasetId,
            Class = "melanoma",
            Width = 8,
            Batch = 4,
            MaxSteps = 2,
            SnapshotEvery = 2,
        }, ct);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var models = scope.ServiceProvider.GetRequiredService<IModelCatalog>();
        var model = await Eventually.ReturnsAsync(
            async () => (await models.ListAsync(ct)).FirstOrDefault(m => m.Origin == $"training job {jobId}"),
            m => m is not null, TimeSpan.FromMinutes(3), "the melanoma generator");
        return model!;
    }
}
