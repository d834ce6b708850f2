using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Experiments;

/// <summary>
/// The real runs behind docs/experiments.md ("Started from the browser"): a server of its own with the full
/// 2000-image phantom at 64x64 and its local worker on two threads, a melanoma generator (registered from the folder
/// in MELANOGANS_EXPERIMENT_MODEL, or else trained by the local worker with the experiment's test split held out,
/// the command-line run's settings), and the experiment started, followed and read in the browser. Explicit
/// (minutes of CPU): it prints the stored results.json and writes screenshots when MELANOGANS_SCREENSHOTS is set.
/// Run:
/// <code>
/// dotnet build tests/MelanoGans.EndToEnd.Tests
/// cd tests/MelanoGans.EndToEnd.Tests/bin/Debug/net10.0/linux-x64
/// MELANOGANS_EXPERIMENT_MODEL=/path/to/export MELANOGANS_SCREENSHOTS=/tmp/shots MELANOGANS_EXPERIMENT_RESULTS=/tmp/results.json \
///   ./MelanoGans.EndToEnd.Tests -class MelanoGans.EndToEnd.Tests.Experiments.PhantomExperimentRun -explicit only
/// </code>
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class PhantomExperimentRun(BrowserFixture browser)
{
    /// <summary>Folder with generator.onnx and generator.json of a 64x64 melanoma generator.</summary>
    public const string ModelVariable = "MELANOGANS_EXPERIMENT_MODEL";

    /// <summary>Optional file the stored results.json is copied to.</summary>
    public const string ResultsVariable = "MELANOGANS_EXPERIMENT_RESULTS";

    [Fact(Explicit = true)]
    public async Task Imbalance_experiment_on_the_phantom_started_from_the_browser()
    {
        var folder = Environment.GetEnvironmentVariable(ModelVariable);
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        await using var factory = new StudioFactory(new Dictionary<string, string>
        {
            ["Studio:Phantom:Count"] = "2000",
            ["Studio:Phantom:Size"] = "64",
            ["Studio:Training:LocalWorkerThreads"] = "2",
        })
        { LocalWorker = true };
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1");

        await using (var scope = ScopeAs.Create(factory.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var datasets = scope.ServiceProvider.GetRequiredService<IDatasetCatalog>();
            var phantom = await Eventually.ReturnsAsync(async () => (await datasets.ListAsync(ct)).Single(), d => d.State == "Ready", TimeSpan.FromMinutes(5), "the phantom");
            if (!string.IsNullOrEmpty(folder))
            {
                var registration = await factory.Services.GetRequiredService<IModelRegistry>().RegisterAsync(
                    await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.OnnxFileName), ct),
                    await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.FileName), ct),
                    "upload", ct: ct);
                Assert.True(registration.ModelId is not null, string.Join(" ", registration.Errors));
            }
            else
            {
                await TrainHeldOutMelanomaGeneratorAsync(factory.Services, phantom.Id, output, ct);
            }
        }

        var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.GotoAsync("/admin/experiments");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=start-experiment-run]:not([disabled])").WaitForAsync();
        // Defaults: the phantom, 64 px, the registered melanoma generator checked, remove 0.9, 3 seeds; 5 epochs as the CLI run.
        await StudioPage.FillNumberAsync(page, "experiment-epochs", "5");
        await page.ClickAsync("[data-testid=start-experiment-run]");

        var state = page.Locator("[data-testid=experiment-jobs] [data-testid=job-state]").First;
        var shot = false;
        string current;
        while ((current = await state.GetAttributeAsync("data-state") ?? "") is not ("Succeeded" or "Failed" or "Cancelled"))
        {
            if (!shot && await page.Locator("[data-testid=experiment-live-row]").CountAsync() >= 6)
            {
                await StudioPage.ScreenshotAsync(page, "experiment-phantom-live", fullPage: true);
                shot = true;
            }

            await Task.Delay(1000, ct);
        }

        Assert.Equal("Succeeded", current);
        await Assertions.Expect(page.Locator("[data-testid=experiment-detail] [data-testid=experiment-arm-row]")).ToHaveCountAsync(5);
        await StudioPage.ScreenshotAsync(page, "experiment-phantom-result", fullPage: true);
        await using var admin = ScopeAs.Create(factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        var experiments = admin.ServiceProvider.GetRequiredService<IExperimentResults>();
        var job = (await experiments.JobsAsync(ct)).Single();
        var result = await experiments.GetAsync(job.ExperimentResultId!.Value, ct);
        output.WriteLine($"job {job.Id}: {job.Message} ({job.Worker}, {job.Device}); created {job.CreatedAt:O}, started {job.StartedAt:O}, finished {job.FinishedAt:O}");
        output.WriteLine(JsonSerializer.Serialize(result, ImbalanceExperimentResult.Json));
        if (Environment.GetEnvironmentVariable(ResultsVariable) is { Length: > 0 } copy)
            await File.WriteAllTextAsync(copy, JsonSerializer.Serialize(result, ImbalanceExperimentResult.Json), ct);
        await context.DisposeAsync();
    }

    /// <summary>The command-line run's generator settings (DCGAN 64, width 32, batch 16, non-saturating, 700 steps, seed 7), test split held out.</summary>
    private static async Task TrainHeldOutMelanomaGeneratorAsync(IServiceProvider services, int datasetId, ITestOutputHelper output, CancellationToken ct)
    {
        // A fresh admin scope per call: a test scope's signed-in user does not survive the circuit's revalidation (1 min).
        async Task<T> AsAdminAsync<T>(Func<ITrainingJobs, Task<T>> call)
        {
            await using var scope = ScopeAs.Create(services, StudioFactory.AdminUserName, Roles.Admin);
            return await call(scope.ServiceProvider.GetRequiredService<ITrainingJobs>());
        }

        var (started, jobId) = await AsAdminAsync(jobs => jobs.StartAsync(new TrainingJobOptions
        {
            Architecture = "dcgan",
            Resolution = 64,
            DatasetId = datasetId,
            Class = "melanoma",
            Width = 32,
            Batch = 16,
            Loss = "nonsaturating",
            Epochs = 1000,
            MaxSteps = 700,
            Seed = 7,
            TickEvery = 25,
            SnapshotEvery = 350,
            HeldOut = new HeldOutSplit(0.2, 0),
        }, ct));
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var job = await Eventually.ReturnsAsync(() => AsAdminAsync(async jobs => (await jobs.GetAsync(jobId!.Value, ct))!.Job), j => j.IsFinished, TimeSpan.FromMinutes(30), "the GAN");
        Assert.True(job.State == TrainingJobState.Succeeded, job.Message);
        output.WriteLine($"GAN job {job.Id}: {job.Message}; started {job.StartedAt:O}, finished {job.FinishedAt:O}");
    }
}
