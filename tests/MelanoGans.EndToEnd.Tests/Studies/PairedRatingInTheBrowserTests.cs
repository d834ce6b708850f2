using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// Issue 14's paired choice (2AFC) in a real browser, with a practice round and catch trials: two raters answer side by
/// side in two browser contexts, one with the left arrow, one with the right, and every answer reaches the ratings table.
/// </summary>
public sealed class PairedRatingInTheBrowserTests(BrowserFixture browser)
{
    // Practice: 2 trials (the count the lead typed, a real and a fake each); main: 4 fakes each beside one of 3 reals;
    // catch: 2 noise fakes, each beside a real of its own.
    private const int Practice = 2;
    private const int Total = Practice + 4 + 2;

    [Fact]
    public async Task Two_raters_pick_the_real_one_with_arrow_keys_after_a_practice_round_with_feedback()
    {
        var study = await BrowserStudy.StartAsync(browser.Factory, "pair", reals: 8, fakes: 8, s =>
        {
            (s.Mode, s.RealCount, s.Pools[0].Count) = (RatingMode.Paired, 3, 4);
            (s.PracticeCount, s.CatchCount) = (2, 2);
        }, "eve", "fay");
        var pages = new List<IPage>();
        foreach (var rater in study.Raters)
        {
            var page = await browser.NewPageAsync();
            await StudioPage.SignInAsync(page, rater, BrowserStudy.Password);
            await page.GotoAsync($"/rate/{study.StudyId}");
            await StudioPage.WaitInteractiveAsync(page);
            await page.Locator("[data-keys=ready]").WaitForAsync();
            pages.Add(page);
        }

        await Assertions.Expect(pages[0].Locator("[data-testid=practice-banner]")).ToContainTextAsync("Practice round 1");
        await StudioPage.ScreenshotAsync(pages[0], "rating-paired");
        // The two raters take turns, as two people at two desks would.
        for (var position = 0; position < Total; position++)
        {
            for (var r = 0; r < pages.Count; r++)
            {
                var page = pages[r];
                await Assertions.Expect(page.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", position.ToString());
                await Assertions.Expect(page.Locator("[data-testid=pair-image]")).ToHaveAttributeAsync("data-position", position.ToString());
                await page.Keyboard.PressAsync(r == 0 ? "ArrowLeft" : "ArrowRight");
                if (position < Practice)
                {
                    // The practice answer's truth shows beside the pair it is about, which stays until Enter.
                    await Assertions.Expect(page.Locator("[data-testid=rating-feedback]")).ToContainTextAsync("The image you picked as real was");
                    await Assertions.Expect(page.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", position.ToString());
                    if (position == Practice - 1)
                    {
                        // The round's end: the study starts (no pass mark).
                        await Assertions.Expect(page.Locator("[data-testid=rating-feedback]")).ToContainTextAsync("The study starts now");
                        if (r == 0) await StudioPage.ScreenshotAsync(page, "rating-paired-feedback");
                    }

                    await page.Keyboard.PressAsync("Enter");
                }

                // Practice never counts: the count is of the study's trials, as My studies, the API and the dashboard count them.
                await Assertions.Expect(page.Locator("[data-testid=progress-text]")).ToHaveTextAsync(
                    position < Practice - 1 ? $"Practice: {position + 1} of {Practice} answered" : $"{position + 1 - Practice} of {Total - Practice} answered");
                if (position == Practice - 1) await Assertions.Expect(page.Locator("[data-testid=practice-banner]")).ToHaveCountAsync(0);
            }
        }
        foreach (var page in pages) await Assertions.Expect(page.Locator("[data-testid=rating-finished]")).ToBeVisibleAsync();

        var rows = await study.RatingsAsync(browser.Factory);
        Assert.Equal(2 * Total, rows.Count);
        Assert.All(rows, r => Assert.Equal((RatingMode.Paired, RatingTruth.Fake), (r.Mode, r.Truth)));
        Assert.All(rows, r => Assert.NotNull(r.Chosen));
        Assert.Equal((2 * Practice, 4), (rows.Count(r => r.IsPractice), rows.Count(r => r.IsCatch)));
        Assert.Equal(study.Raters, rows.Select(r => r.Rater).Distinct().Order());
    }
}
