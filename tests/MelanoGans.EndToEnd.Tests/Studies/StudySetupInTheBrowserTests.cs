using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>A lead sets up a study in the browser: a clear error for too many items, then save and start.</summary>
public sealed class StudySetupInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_lead_is_told_when_sources_hold_too_few_images_then_saves_and_starts_the_study()
    {
        var (_, poolId) = await StudySeed.AddSourcesAsync(browser.Factory.Services, reals: 3, fakes: 3, suffix: " 0setup");
        await StudySeed.AddUserAsync(browser.Factory.Services, "setup-rater", BrowserStudy.Password, Roles.Rater);
        await StudySeed.AddUserAsync(browser.Factory.Services, "setup-lead", BrowserStudy.Password, Roles.Lead);
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, "setup-lead", BrowserStudy.Password);
        await page.ClickAsync("[data-testid=nav-studies]");
        await StudioPage.WaitInteractiveAsync(page);

        await page.ClickAsync("[data-testid=new-study]");
        await page.FillAsync("[data-testid=study-name]", "Browser pilot");
        await StudioPage.ChooseAsync(page, "study-dataset", "Phantom reals 0setup");
        await page.FillAsync("[data-testid=study-real-count]", "9");
        await page.FillAsync($"[data-testid=study-pool-{poolId}]", "2");
        await page.ClickAsync("[data-testid=study-save]");
        await Assertions.Expect(page.Locator("[data-testid=study-errors]")).ToContainTextAsync("9 real images requested, but Phantom reals 0setup holds only 3");

        await page.FillAsync("[data-testid=study-real-count]", "2");
        await Assertions.Expect(page.Locator("[data-testid=study-ratio]")).ToContainTextAsync("2 : 2 (50% fakes)");

        // Like-for-like: the form proposed 64 px (the fakes' native size); 96 px would upscale them and is refused.
        await StudioPage.ChooseAsync(page, "study-size", "96 x 96");
        await Assertions.Expect(page.Locator("[data-testid=study-upscaling]"))
            .ToContainTextAsync("the fakes from dcgan-test 0setup would be upscaled from 64 to 96 px, a visible giveaway");
        await page.Locator("[data-testid=study-upscaling]").ScrollIntoViewIfNeededAsync();
        await StudioPage.ScreenshotAsync(page, "study-presentation");
        await page.ClickAsync("[data-testid=study-save]");
        await Assertions.Expect(page.Locator("[data-testid=study-errors]")).ToContainTextAsync("would be upscaled from 64 to 96 px");
        await StudioPage.ChooseAsync(page, "study-size", "64 x 64");
        await Assertions.Expect(page.Locator("[data-testid=study-upscaling]")).ToHaveCountAsync(0);
        await StudioPage.ScreenshotAsync(page, "study-setup");
        await page.ClickAsync("[data-testid=study-save]");
        await Assertions.Expect(page.Locator("[data-testid=studies-notice]")).ToContainTextAsync("Saved Browser pilot as a draft");

        var row = page.Locator("tr", new() { Has = page.Locator("[data-testid=study-row-name]", new() { HasText = "Browser pilot" }) });
        await row.Locator("[data-testid=study-start]").ClickAsync();
        await row.Locator("[data-testid=study-start-confirm]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=study-state]")).ToHaveTextAsync("Open");
        await Assertions.Expect(row.Locator("[data-testid=study-edit]")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("[data-testid=study-csv]")).ToBeVisibleAsync();
        await StudioPage.ScreenshotAsync(page, "studies");

        // A rater who gets an account after the start joins the open study.
        await StudySeed.AddUserAsync(browser.Factory.Services, "late-rater", BrowserStudy.Password, Roles.Rater);
        var raters = row.Locator("[data-testid=study-row-raters]");
        var before = int.Parse(await raters.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await row.Locator("[data-testid=study-add-raters]").ClickAsync();
        await page.Locator("[data-testid=add-rater-late-rater]").Locator("xpath=ancestor::label[1]").ClickAsync();
        await page.ClickAsync("[data-testid=add-raters-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=studies-notice]")).ToContainTextAsync("Added 1 rater to Browser pilot");
        await Assertions.Expect(raters).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=add-raters]")).ToHaveCountAsync(0);

        // The started study's name leads to its dashboard.
        await row.Locator("[data-testid=study-dashboard-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=dashboard-title]")).ToHaveTextAsync("Browser pilot");
    }
}
