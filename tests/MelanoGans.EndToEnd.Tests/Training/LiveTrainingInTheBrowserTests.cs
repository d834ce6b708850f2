using System.Globalization;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Training;

/// <summary>
/// Issue 5 in a real browser: the admin starts a small run, the server starts its local worker process, and
/// the job page's loss chart and sample grid update live until the model is registered.
/// </summary>
public sealed class LiveTrainingInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_starts_a_small_run_watches_it_live_and_generates_16_images_from_its_model()
    {
        // 12 phantom images at batch 8 make one step per epoch: the step limit decides. Narrow networks (width 16) keep
        // the run short on two cores; the page and the worker do the same whatever the width.
        var page = await TrainingForm.StartSmallRunAsync(
            browser, ("start-max-steps", "300"), ("start-tick-every", "5"), ("start-snapshot-every", "60"), ("start-width", "16"));
        Assert.Matches("/admin/training/[0-9]+$", page.Url);

        // Sample the page while the run goes: the chart must grow and the grid change while the job still runs.
        var chart = page.Locator("[data-testid=loss-chart]");
        var state = page.Locator("[data-testid=job-state]").First;
        var pointsWhileRunning = new HashSet<int>();
        var gridsWhileRunning = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        string current;
        while ((current = await state.GetAttributeAsync("data-state") ?? "") is not ("Succeeded" or "Failed" or "Cancelled"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the run did not finish in time (state {current})");
            if (current == "Running")
            {
                pointsWhileRunning.Add(int.Parse(await chart.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture));
                var grid = page.Locator("[data-testid=latest-grid]");
                if (await grid.CountAsync() > 0) gridsWhileRunning.Add(await grid.GetAttributeAsync("data-step") ?? "");
                if (pointsWhileRunning.Count == 3) await StudioPage.ScreenshotAsync(page, "training-live");
            }

            await Task.Delay(150, TestContext.Current.CancellationToken);
        }

        var message = await page.Locator("[data-testid=job-message]").AllInnerTextsAsync();
        Assert.True(current == "Succeeded", $"{current}: {string.Join(" ", message)}");
        Assert.True(pointsWhileRunning.Count(p => p > 0) >= 2, $"the loss chart did not grow live: {string.Join(", ", pointsWhileRunning)}");
        Assert.True(gridsWhileRunning.Count >= 2, $"the grid did not change live: {string.Join(", ", gridsWhileRunning)}");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "60");
        await Assertions.Expect(page.Locator("[data-testid=latest-grid]")).ToHaveAttributeAsync("data-step", "300");
        await Assertions.Expect(page.Locator("[data-testid=grid-thumb]")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=job-worker]")).ToContainTextAsync("(local)");
        await Assertions.Expect(page.Locator("[data-testid=job-device]")).ToContainTextAsync("cpu");
        Assert.Equal(200, (await page.APIRequest.GetAsync(await page.Locator("[data-testid=latest-grid]").GetAttributeAsync("src") ?? "")).Status);

        // Opening the finished run afresh draws the same history from the database.
        await page.ReloadAsync();
        await StudioPage.WaitInteractiveAsync(page);
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "60");
        await StudioPage.ScreenshotAsync(page, "training-finished");

        // The run's generator was validated and registered: generate 16 images from it.
        await page.GotoAsync("/admin/models");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=model-row-name]", new() { HasText = "32px" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=generate-panel]")).ToContainTextAsync("step 300");
        await page.FillAsync("[data-testid=gen-count]", "16");
        await page.FillAsync("[data-testid=gen-pool-name]", "from the browser run");
        await page.ClickAsync("[data-testid=generate]");
        await Assertions.Expect(page.Locator("[data-testid=pool-item]", new() { HasText = "from the browser run" }))
            .ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=gallery-image]")).ToHaveCountAsync(16);
        await Assertions.Expect(page.Locator("[data-testid=gallery-count]")).ToContainTextAsync("16 of 16 images");
    }
}
