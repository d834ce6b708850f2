using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Data;
using MelanoGans.Server.Statistics;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Statistics;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Statistics;

/// <summary>
/// A lead opens the dashboard of a study with generated answers (the studies feature is stood in for by a test
/// ratings table on a server of its own) and watches it update when an answer arrives.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class StatisticsDashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly StudioFactory _base = new();
    private readonly TestRatingsTable _table = new();
    private WebApplicationFactory<Program> _factory = default!;
    private string _baseUrl = "";

    public ValueTask InitializeAsync()
    {
        _factory = _base.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IRatingsTable>(_table)));
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _baseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _base.DisposeAsync();
    }

    [Fact]
    public async Task Lead_opens_the_dashboard_of_a_study_and_sees_it_update_live()
    {
        await ShowPhantomImagesInTheGalleryAsync();
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = _baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);

        await page.GotoAsync("/statistics");
        await StudioPage.WaitInteractiveAsync(page);
        await page.ClickAsync("[data-testid=study-link]");
        await page.Locator("[data-testid=dashboard]").WaitForAsync(new() { Timeout = 60_000 });

        var rows = _table.Snapshot();
        var raters = rows.Select(r => r.Rater).Distinct().Count();
        await Assertions.Expect(page.Locator("[data-testid=rater-row]")).ToHaveCountAsync(raters);
        await Assertions.Expect(page.Locator("[data-testid=roc-chart] polyline.rater-curve")).ToHaveCountAsync(raters);
        await Assertions.Expect(page.Locator("[data-testid=model-row]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=answers]")).ToHaveTextAsync(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=convincing-fakes] img").First).ToBeVisibleAsync();
        var loaded = await page.EvaluateAsync<int>(
            "() => Promise.all([...document.querySelectorAll('[data-testid=item-gallery] img')].map(i => i.decode().then(() => i.naturalWidth, () => 0))).then(w => w.filter(x => x > 0).length)");
        Assert.Equal(24, loaded);
        await StudioPage.ScreenshotAsync(page, "dashboard", fullPage: true);
        // Issue 14: at 1400 px the last columns of these tables and the start of the artifact labels were cut off.
        Assert.Empty(await page.EvaluateAsync<string[]>(ClippedScript));

        // A sixth rater answers: the page re-renders without a reload.
        var extra = rows[0] with { Rater = "rater06" };
        _table.Change(all => [.. all, extra]);
        _factory.Services.GetRequiredService<IStudioEvents>().Publish(new AnswerRecorded(TestRatingsTable.StudyId));
        await Assertions.Expect(page.Locator("[data-testid=answers]")).ToHaveTextAsync((rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=rater-row]")).ToHaveCountAsync(raters + 1);

        var json = await page.APIRequest.GetAsync($"/api/studies/{TestRatingsTable.StudyId}/statistics.json");
        Assert.Equal(200, json.Status);
        await context.CloseAsync();
    }

    /// <summary>
    /// What a person could not read without scrolling: each checked element must lie inside its panel (the table's
    /// last column, the artifact labels inside their chart). Returns one line per clipped element.
    /// </summary>
    private const string ClippedScript = """
        () => {
          const clipped = [];
          const check = (selector, box) => {
            const found = document.querySelectorAll(selector);
            if (found.length === 0) clipped.push(`${selector}: nothing to check`);
            for (const el of found) {
              const r = el.getBoundingClientRect(), b = box(el).getBoundingClientRect();
              if (r.left < b.left - 1 || r.right > b.right + 1)
                clipped.push(`${selector} '${el.textContent.trim().slice(0, 40)}' spans ${Math.round(r.left)}-${Math.round(r.right)}, visible ${Math.round(b.left)}-${Math.round(b.right)}`);
            }
          };
          const panel = el => el.closest('.mud-paper');
          check('[data-testid=model-table] tr > :last-child', panel);
          check('[data-testid=source-table] tr > :last-child', panel);
          check('[data-testid=cohen-table] tr > :last-child', panel);
          check('[data-testid=artifact-bars] text.bar-label', el => el.ownerSVGElement);
          check('[data-testid=artifact-bars] svg', panel);
          return clipped;
        }
        """;

    // The phantom images stand in for study images, so the gallery shows pictures in the screenshot.
    private async Task ShowPhantomImagesInTheGalleryAsync()
    {
        List<string> shas = [];
        for (var attempt = 0; attempt < 120 && shas.Count < StudioFactory.PhantomCount; attempt++)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            shas = await db.DatasetImages.OrderBy(i => i.Id).Select(i => i.Sha256).ToListAsync();
            if (shas.Count < StudioFactory.PhantomCount) await Task.Delay(500);
        }

        Assert.NotEmpty(shas);
        var items = _table.Snapshot().Select(r => r.Item).Distinct().Order(StringComparer.Ordinal).ToList();
        _table.ImageUrls = items.Select((item, i) => (item, url: $"/api/images/{shas[i % shas.Count]}.png")).ToDictionary(p => p.item, p => p.url);
    }
}
