using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Models;

/// <summary>
/// Issue 15 in a real browser: the admin computes the demo generator's metrics; the server's local worker process runs
/// the ResNet-18 through ONNX Runtime, and the figures, the memorisation gallery and the list's columns appear live.
/// </summary>
public sealed class MetricsInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_computes_the_demo_generators_metrics_and_sees_them_with_the_closest_pairs()
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.GotoAsync("/admin/models");
        await StudioPage.WaitInteractiveAsync(page);
        var demo = page.Locator("[data-testid=models-table] tbody tr", new() { HasText = "demo" });
        await demo.Locator("[data-testid=model-row-name]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=model-metrics] h2")).ToContainTextAsync("phantom");

        await page.ClickAsync("[data-testid=metrics-start]");

        await Assertions.Expect(page.Locator("[data-testid=metrics-figures]")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("[data-testid=metrics-basis]")).ToContainTextAsync("resnet18");
        await Assertions.Expect(page.Locator("[data-testid=metrics-small-sample]")).ToBeVisibleAsync();
        await Assertions.Expect(demo.Locator("[data-testid=model-fd]")).Not.ToHaveTextAsync("—");
        var pairs = page.Locator("[data-testid=memorisation-pair] img");
        Assert.True(await pairs.CountAsync() >= 2);
        foreach (var image in await pairs.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        }

        await page.Locator("[data-testid=model-metrics]").ScrollIntoViewIfNeededAsync();
        await StudioPage.ScreenshotAsync(page, "models-metrics");
    }
}
