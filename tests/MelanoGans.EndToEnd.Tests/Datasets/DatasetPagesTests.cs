using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
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

    [Fact]
    public async Task Admin_imports_a_folder_with_a_csv_and_sees_its_images_in_the_gallery()
    {
        var folder = Path.Combine(browser.ImportRoot, "clinic-photos");
        Directory.CreateDirectory(folder);
        var lines = new List<string> { "file,label" };
        for (var i = 0; i < 5; i++)
        {
            var label = i < 2 ? LesionClass.Melanoma : LesionClass.Nevus;
            await File.WriteAllBytesAsync(Path.Combine(folder, $"lesion{i}.png"), ImageCodec.EncodePng(PhantomRenderer.Render(label, (ulong)i, 48)), TestContext.Current.CancellationToken);
            lines.Add($"lesion{i}.png,{label.ToIsicName()}");
        }
        await File.WriteAllLinesAsync(Path.Combine(folder, "labels.csv"), lines, TestContext.Current.CancellationToken);

        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.GotoAsync("/datasets");
        await StudioPage.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=import-name]")).ToHaveValueAsync("clinic-photos");
        await page.ClickAsync("[data-testid=import-start]");

        var row = page.Locator("tr", new() { Has = page.GetByText("clinic-photos", new() { Exact = true }) });
        await Assertions.Expect(row.Locator("[data-testid=dataset-state]")).ToContainTextAsync("Ready (5 / 5)", new() { Timeout = 30_000 });
        await row.Locator("[data-testid=dataset-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=gallery-tile]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=filter-melanoma]")).ToContainTextAsync("(2)");
    }
}
