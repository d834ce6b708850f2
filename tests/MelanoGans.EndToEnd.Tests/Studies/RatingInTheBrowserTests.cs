using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Shared.Studies;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// Issue 6's acceptance: two raters complete a small study with the keyboard alone; one stops halfway,
/// signs in again on a fresh browser (another device) and resumes at the right item.
/// </summary>
public sealed class RatingInTheBrowserTests(BrowserFixture browser)
{
    // 3 reals + 3 fakes, and 10% repeats rounds to one repeated item: seven answers per rater.
    private const int Total = 7;

    [Fact]
    public async Task Two_raters_finish_with_the_keyboard_and_one_resumes_after_signing_in_again()
    {
        var study = await BrowserStudy.StartAsync(browser.Factory, "kbd", reals: 3, fakes: 3, "ann", "ben");
        var (ann, ben) = (study.Raters[0], study.Raters[1]);

        var annPage = await OpenRatingAsync(ann, study.StudyId);
        // Each tag chip shows the key that toggles it.
        Assert.Equal(Enumerable.Range(0, ArtifactTaxonomy.Default.Count).Select(i => ArtifactTaxonomy.KeyOf(i).ToString()),
            await annPage.Locator("[data-testid=artifact-tags] .rating-key").AllTextContentsAsync());
        await StudioPage.ScreenshotAsync(annPage, "rating");
        var annKeys = await AnswerAsync(annPage, from: 0, count: Total);
        await Assertions.Expect(annPage.Locator("[data-testid=rating-finished]")).ToBeVisibleAsync();

        var benPage = await OpenRatingAsync(ben, study.StudyId);
        var benKeys = await AnswerAsync(benPage, from: 0, count: 3);
        var shownWhenStopping = await benPage.Locator("[data-testid=study-image]").GetAttributeAsync("src");
        // Ben chooses an answer and a tag, then closes the browser without submitting.
        await benPage.Keyboard.PressAsync("5");
        await benPage.Keyboard.PressAsync("c");
        await Assertions.Expect(benPage.Locator("[data-testid=tag-c]")).ToHaveAttributeAsync("aria-pressed", "true");
        await benPage.Context.CloseAsync();

        var again = await OpenRatingAsync(ben, study.StudyId);
        await Assertions.Expect(again.Locator("[data-testid=progress-text]")).ToHaveTextAsync($"3 of {Total} answered");
        await Assertions.Expect(again.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", "3");
        Assert.Equal(shownWhenStopping, await again.Locator("[data-testid=study-image]").GetAttributeAsync("src"));
        Assert.Equal(await study.NextImageUrlAsync(browser.Factory, ben), shownWhenStopping);
        // The unsubmitted choice came back with the resume point; "c" again clears the tag for the run below.
        await Assertions.Expect(again.Locator("[data-testid=response-5]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(again.Locator("[data-testid=tag-c]")).ToHaveAttributeAsync("aria-pressed", "true");
        await again.Keyboard.PressAsync("c");
        await Assertions.Expect(again.Locator("[data-testid=tag-c]")).ToHaveAttributeAsync("aria-pressed", "false");
        benKeys.AddRange(await AnswerAsync(again, from: 3, count: Total - 3));
        await Assertions.Expect(again.Locator("[data-testid=rating-finished]")).ToBeVisibleAsync();

        // Every key press arrived exactly once, in order, with the tag typed on every third item.
        var rows = await study.RatingsAsync(browser.Factory);
        Assert.Equal(2 * Total, rows.Count);
        Assert.Equal(annKeys, rows.Where(r => r.Rater == ann).Select(r => r.Response));
        Assert.Equal(benKeys, rows.Where(r => r.Rater == ben).Select(r => r.Response));
        Assert.Equal(2 * 3, rows.Count(r => r.Tags.SequenceEqual([ArtifactTaxonomy.Default[1]])));
        Assert.Equal(2, rows.Count(r => r.IsRepeat));
        Assert.Equal(Total - 1, rows.Where(r => r.Rater == ann).Select(r => r.Item).Distinct().Count());
        // Repeats are spaced apart and the two raters see different orders (different seeds).
        Assert.NotEqual(rows.Where(r => r.Rater == ann).Select(r => r.Item), rows.Where(r => r.Rater == ben).Select(r => r.Item));
    }

    private async Task<IPage> OpenRatingAsync(string rater, int studyId)
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, rater, BrowserStudy.Password);
        await page.GotoAsync($"/rate/{studyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-keys=ready]").WaitForAsync();
        return page;
    }

    // Answers `count` items by keyboard only: a response key, on every third item the tag key "b",
    // then Enter; waits for the committed answer to move the progress on.
    private static async Task<List<int>> AnswerAsync(IPage page, int from, int count)
    {
        var keys = new List<int>();
        for (var position = from; position < from + count; position++)
        {
            await Assertions.Expect(page.Locator("[data-testid=study-image]")).ToHaveAttributeAsync("data-position", position.ToString());
            var response = 1 + (position * 5 + 2) % 6;
            await page.Keyboard.PressAsync(response.ToString());
            await Assertions.Expect(page.Locator($"[data-testid=response-{response}]")).ToHaveAttributeAsync("aria-pressed", "true");
            if (position % 3 == 0)
            {
                await page.Keyboard.PressAsync("b");
                await Assertions.Expect(page.Locator("[data-testid=tag-b]")).ToHaveAttributeAsync("aria-pressed", "true");
            }
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid=progress-text]")).ToHaveTextAsync($"{position + 1} of {Total} answered");
            keys.Add(response);
        }
        return keys;
    }
}
