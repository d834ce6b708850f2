using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Models;

/// <summary>Issue 5 in a real browser: the admin opens Models, sees the demo generator and fills a pool from it.</summary>
public sealed class GenerationInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_generates_16_images_from_the_demo_model_and_sees_them_in_the_gallery()
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.ClickAsync("[data-testid=nav-models]");
        await page.Locator("[data-testid=models-table]").WaitForAsync();

        // Other browser tests on this server register models too: the demo is the row of origin "demo".
        var demo = page.Locator("[data-testid=models-table] tbody tr", new() { HasText = "demo" });
        await Assertions.Expect(demo).ToHaveCountAsync(1);
        await demo.Locator("[data-testid=model-row-name]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=inference-device]")).ToContainTextAsync("Generating on");
        // The samples of the validation inference load over HTTP.
        await Assertions.Expect(page.Locator("[data-testid=model-samples] img").First).ToHaveJSPropertyAsync("complete", true);

        await page.FillAsync("[data-testid=gen-count]", "16");
        await page.FillAsync("[data-testid=gen-seed]", "2026");
        await page.FillAsync("[data-testid=gen-pool-name]", "browser pool");
        await page.ClickAsync("[data-testid=generate]");

        var images = page.Locator("[data-testid=gallery-image]");
        await Assertions.Expect(images).ToHaveCountAsync(16, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=gallery-count]")).ToContainTextAsync("16 of 16 images");
        await Assertions.Expect(page.Locator("[data-testid=pool-item]", new() { HasText = "browser pool" })).ToContainTextAsync("Succeeded");
        // Every image really arrives and decodes (they load lazily, so each is scrolled into view first).
        foreach (var image in await images.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        }
        await Assertions.Expect(page.GetByText("seed 2026", new() { Exact = true })).ToBeVisibleAsync();
        await StudioPage.ScreenshotAsync(page, "models");
    }

    [Fact]
    public async Task An_upload_whose_manifest_does_not_match_is_refused_with_the_reason()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "models", "demo");
        var onnx = await File.ReadAllBytesAsync(Path.Combine(folder, "generator.onnx"), TestContext.Current.CancellationToken);
        var manifest = (await File.ReadAllTextAsync(Path.Combine(folder, "generator.json"), TestContext.Current.CancellationToken))
            .Replace("\"resolution\": 64", "\"resolution\": 32", StringComparison.Ordinal);
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.GotoAsync("/admin/models");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=models-table]").WaitForAsync();

        await page.Locator("#upload-onnx").SetInputFilesAsync(new FilePayload { Name = "generator.onnx", MimeType = "application/octet-stream", Buffer = onnx });
        await page.Locator("#upload-json").SetInputFilesAsync(new FilePayload { Name = "generator.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(manifest) });
        var before = await page.Locator("[data-testid=model-row-name]").CountAsync();
        await page.ClickAsync("[data-testid=register-model]");

        var notice = page.Locator("[data-testid=models-notice]");
        await Assertions.Expect(notice).ToContainTextAsync("The model was refused", new() { Timeout = 30_000 });
        await Assertions.Expect(notice).ToContainTextAsync("the manifest's resolution 32 needs [N, 3, 32, 32]");
        await Assertions.Expect(page.Locator("[data-testid=model-row-name]")).ToHaveCountAsync(before);
    }
}
