using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(MelanoGans.EndToEnd.Tests.Infrastructure.BrowserFixture))]

namespace MelanoGans.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real server on Kestrel (a loopback port) and Debian's Chromium driven by Playwright, shared by
/// the browser tests of this assembly. No browser is downloaded: CHROMIUM_PATH or /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public BrowserFixture() =>
        Factory = new StudioFactory(new Dictionary<string, string> { ["Studio:Import:Roots:0"] = ImportRoot })
        {
            // The server starts its own worker process when a job is queued (training tests).
            LocalWorker = true,
        };

    public StudioFactory Factory { get; }

    /// <summary>The server's import root: browser tests put folders to import here.</summary>
    public string ImportRoot { get; } = Directory.CreateTempSubdirectory("melanogans-e2e-import-").FullName;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Browser tests need Chromium at {chromium} (apt-get install chromium, or set CHROMIUM_PATH).");
        _playwright = await Playwright.CreateAsync();
        // Expectations wait for what a person sees, like the context's actions below: Playwright's own 5 s let a user
        // created on a loaded CI machine (two test assemblies, a worker and the browser on two cores) fail the test.
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>A fresh browser context (own cookies and storage) at a desktop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        // CI runs the test assemblies side by side on two cores: a real server with a training worker next to this
        // browser. Waits are for what a person sees; 90 s is slow enough never to fail a working page for load alone.
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        Directory.Delete(ImportRoot, recursive: true);
    }
}
