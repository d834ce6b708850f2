using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Datasets;

/// <summary>An admin browses the phantom dataset built on first start and compares two classes.</summary>
public sealed class DatasetPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_browses_the_phantom_gallery_filters_a_class_and_compares_colours()
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.ClickAsync("[data-testid=nav-datasets]");
        await StudioPage.WaitInteractiveAsync(page);

        // The phantom may still be rendering when the page opens: the list refreshes when it finishes.
        await Assertions.Expect(page.Locator("[data-testid=dataset-state]").First)
            .ToContainTextAsync($"Ready ({StudioFactory.PhantomCount} / {StudioFactory.PhantomCount})", new() { Timeout = 60_000 });
        await StudioPage.ScreenshotAsync(page, "datasets");

        await page.ClickAsync("[data-testid=dataset-link]");
        await Assertions.Expect(page.Locator("[data-testid=gallery-tile]")).ToHaveCountAsync(StudioFactory.PhantomCount);
        await Assertions.Expect(page.Locator("[data-testid=histogram-chart] polyline")).ToHaveCountAsync(3);
        await StudioPage.ScreenshotAsync(page, "dataset-gallery");

        var melanomas = page.Locator("[data-testid=filter-melanoma]");
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(await melanomas.InnerTextAsync(), @"\((\d+)\)").Groups[1].Value);
        await melanomas.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=gallery-tile]")).ToHaveCountAsync(count);
        await Assertions.Expect(page.Locator("[data-testid=gallery-tile] .label").First).ToHaveTextAsync("melanoma");

        await page.Locator("[data-testid=gallery-tile]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=large-view] img")).ToBeVisibleAsync();
        var loaded = await page.Locator("[data-testid=large-view] img").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.Equal(32, loaded);
        await page.Keyboard.PressAsync("Escape");
        await page.Mouse.ClickAsync(5, 400);

        await page.GotoAsync("/datasets/compare");
        await StudioPage.WaitInteractiveAsync(page);
        await page.ClickAsync("[data-testid=compare-run]");
        await Assertions.Expect(page.Locator("[data-testid=compare-table] tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=histogram-chart] polyline")).ToHaveCountAsync(6);
        await StudioPage.ScreenshotAsync(page, "compare");
    }
}
