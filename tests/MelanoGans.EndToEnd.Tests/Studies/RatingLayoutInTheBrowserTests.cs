using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// Issue 22: on a 1366x768 laptop and a 1920x1080 screen the rater sees the image and everything needed to answer it
/// (the scale, the tags and Submit, or the two picks of a paired trial) without scrolling, in every protocol.
/// </summary>
public sealed class RatingLayoutInTheBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(RatingMode.Untimed)]
    [InlineData(RatingMode.Fixed)]
    [InlineData(RatingMode.Staircase)]
    [InlineData(RatingMode.Paired)]
    public async Task The_rater_answers_without_scrolling(RatingMode mode)
    {
        var prefix = "fit" + mode.ToString().ToLowerInvariant();
        var study = await BrowserStudy.StartAsync(browser.Factory, prefix, reals: 3, fakes: 3, s => s.Mode = mode, "ida");
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, study.Raters[0], BrowserStudy.Password);
        foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync($"/rate/{study.StudyId}");
            await StudioPage.WaitInteractiveAsync(page);
            await page.Locator("[data-keys=ready]").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", "0");
            string[] needed = mode == RatingMode.Paired
                ? ["study-image", "pair-image", "pick-left", "pick-right"]
                : ["study-image", "response-1", "response-6", "artifact-tags", "comment", "submit"];
            if (mode is RatingMode.Fixed or RatingMode.Staircase)
            {
                // The frame, not the hidden image, is what shows before Space.
                needed[0] = "timed-frame";
            }

            foreach (var testId in needed)
            {
                var box = await page.Locator($"[data-testid={testId}]").First.BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box.Y >= 0 && box.Y + box.Height <= height + 0.5,
                    $"{mode} at {width}x{height}: {testId} spans y {box.Y:0}-{box.Y + box.Height:0}, below the {height} px window");
            }

            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollY"));
            await StudioPage.ScreenshotAsync(page, $"rating-{mode.ToString().ToLowerInvariant()}-{width}");
        }

        await page.Context.CloseAsync();
    }
}
