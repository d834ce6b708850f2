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
/// The real run behind docs/experiments.md ("Started from the browser"): a server of its own with the full
/// 2000-image phantom at 64x64 and its local worker on two threads, a melanoma generator registered from a folder,
/// and the experiment started, followed and read in the browser. Explicit (minutes of CPU): it prints the stored
/// results.json and writes screenshots when MELANOGANS_SCREENSHOTS is set. Run:
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
        if (string.IsNullOrEmpty(folder)) Assert.Skip($"Set {ModelVariable} to a folder with a 64x64 melanoma generator.");
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

        var registration = await factory.Services.GetRequiredService<IModelRegistry>().RegisterAsync(
            await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.OnnxFileName), ct),
            await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.FileName), ct),
            "upload", ct);
        Assert.True(registration.ModelId is not null, string.Join(" ", registration.Errors));
        await using (var scope = ScopeAs.Create(factory.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var datasets = scope.ServiceProvider.GetRequiredService<IDatasetCatalog>();
            await Eventually.ReturnsAsync(async () => (await datasets.ListAsync(ct)).Single(), d => d.State == "Ready", TimeSpan.FromMinutes(5), "the phantom");
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
}
