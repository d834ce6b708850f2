using MelanoGans.Server.Jobs;
using System.Globalization;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.EndToEnd.Tests.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Deployment;

/// <summary>
/// Issue 16's acceptance in a real browser: two instances of the real server on two loopback ports, against one
/// PostgreSQL, one Redis and one data directory. A rater answers on A and the lead's dashboard on B follows live; the
/// lead's cookie from A opens B (shared data-protection keys); a run started on B's training page is trained by the
/// worker that A starts and connects to itself, and B's pages show its progress and the registered model. Skipped,
/// with the reason, only where no PostgreSQL server or no redis-server exists (CI has both).
/// </summary>
public sealed class TwoInstancesInTheBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-two-e2e-").FullName;
    private StudioFactory? _a;
    private StudioFactory? _b;

    public ValueTask InitializeAsync() => _redis.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
        await _redis.DisposeAsync();
        await TestDatabase.DropAsync(_data);
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    [Fact]
    public async Task A_rater_on_A_a_lead_and_a_training_run_on_B_see_one_studio()
    {
        await TestDatabase.RequirePostgresAsync();
        _redis.SkipIfMissing();
        var settings = new Dictionary<string, string>
        {
            ["Studio:DataDirectory"] = _data,
            ["Studio:Redis"] = _redis.ConnectionString,
            ["Studio:Models:RegisterDemo"] = "false",
        };
        // A may start local workers; B never does: the worker that trains is connected to A.
        _a = new StudioFactory(settings) { LocalWorker = true };
        var urlA = Start(_a);
        _b = new StudioFactory(settings);
        var urlB = Start(_b);

        var study = await BrowserStudy.StartAsync(_a, "two", reals: 3, fakes: 3, "ivy");
        var rater = await PageAtAsync(urlA);
        await StudioPage.SignInAsync(rater, study.Raters[0], BrowserStudy.Password);
        await rater.GotoAsync($"/rate/{study.StudyId}");
        await StudioPage.WaitInteractiveAsync(rater);
        await AnswerAsync(rater, 0);

        // The lead signs in on A; the same browser then opens B: the cookie A issued is accepted there.
        var lead = await PageAtAsync(urlA);
        await StudioPage.SignInAsync(lead, study.Lead, BrowserStudy.Password);
        await lead.GotoAsync($"{urlB}/statistics/{study.StudyId}");
        await StudioPage.WaitInteractiveAsync(lead);
        Assert.StartsWith(urlB, lead.Url, StringComparison.Ordinal);
        await Assertions.Expect(lead.Locator("[data-testid=answers]")).ToHaveTextAsync("1");

        // The next answer, given on A, reaches the dashboard open on B without a reload.
        await AnswerAsync(rater, 1);
        await Assertions.Expect(lead.Locator("[data-testid=answers]")).ToHaveTextAsync("2");

        // The admin starts a small run on B; A's local worker trains it; B's job page follows it to the registered model.
        var admin = await PageAtAsync(urlB);
        await StudioPage.SignInAsync(admin, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await admin.GotoAsync("/admin/training");
        await StudioPage.WaitInteractiveAsync(admin);
        await admin.Locator("[data-testid=start-run]:not([disabled])").WaitForAsync(new() { Timeout = 60_000 });
        await admin.ClickAsync("[data-testid=resolution-32]");
        await StudioPage.FillNumberAsync(admin, "start-epochs", "1000");
        await StudioPage.FillNumberAsync(admin, "start-max-steps", "60");
        await StudioPage.FillNumberAsync(admin, "start-tick-every", "5");
        await StudioPage.FillNumberAsync(admin, "start-snapshot-every", "30");
        await admin.ClickAsync("[data-testid=start-run]");
        await admin.WaitForURLAsync("**/admin/training/*");
        var chart = admin.Locator("[data-testid=loss-chart]");
        var points = new HashSet<int>();
        var state = admin.Locator("[data-testid=job-state]").First;
        var deadline = DateTime.UtcNow.AddMinutes(4);
        string current;
        while ((current = await state.GetAttributeAsync("data-state") ?? "") is not ("Succeeded" or "Failed" or "Cancelled"))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"B's page still says {current} after 4 minutes; the database says {await JobStateAsync()}; chart points seen: {string.Join(", ", points)}");
            if (current == "Running") points.Add(int.Parse(await chart.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture));
            await Task.Delay(150, TestContext.Current.CancellationToken);
        }
        Assert.Equal("Succeeded", current);
        Assert.True(points.Count(p => p > 0) >= 2, $"B's job page did not follow the run live: {string.Join(", ", points)}");
        await Assertions.Expect(admin.Locator("[data-testid=job-worker]")).ToContainTextAsync("(local)");
        await admin.GotoAsync("/admin/models");
        await StudioPage.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("[data-testid=model-row-name]", new() { HasText = "32px" })).ToHaveCountAsync(1);
    }

    private async Task<string> JobStateAsync()
    {
        await using var scope = _a!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MelanoGans.Server.Data.StudioDbContext>();
        var jobs = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Set<MelanoGans.Server.Jobs.WorkerJob>());
        return string.Join("; ", jobs.Select(j => $"job {j.Id} {j.State} on {j.Worker}"));
    }

    private static string Start(StudioFactory factory)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1").TrimEnd('/');
    }

    private async Task<IPage> PageAtAsync(string baseUrl)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    private static async Task AnswerAsync(IPage page, int position)
    {
        await page.Locator("[data-keys=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", position.ToString(CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=progress-text]")).ToContainTextAsync($"{position + 1} of ");
    }
}
