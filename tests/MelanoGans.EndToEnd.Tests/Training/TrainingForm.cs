using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Training;

/// <summary>What an admin does to start a small run: sign in, open Training, fill the form, start, land on the job page.</summary>
public static class TrainingForm
{
    /// <summary>
    /// Starts a 32x32 run with 1000 epochs (the step limit decides) and the given numeric fields (test id, value), and
    /// waits for the job page; a refusal of the form fails with its reason, not after a timeout.
    /// </summary>
    public static async Task<IPage> StartSmallRunAsync(BrowserFixture browser, params (string TestId, string Value)[] fields)
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.ClickAsync("[data-testid=nav-training]");
        await page.Locator("[data-testid=start-run]:not([disabled])").WaitForAsync(new() { Timeout = 60_000 });

        await page.ClickAsync("[data-testid=resolution-32]");
        await StudioPage.FillNumberAsync(page, "start-epochs", "1000");
        foreach (var (testId, value) in fields)
        {
            await StudioPage.FillNumberAsync(page, testId, value);
        }

        await page.ClickAsync("[data-testid=start-run]");
        var refusal = page.Locator("[data-testid=start-errors]");
        await page.Locator("[data-testid=loss-chart], [data-testid=start-errors]").First.WaitForAsync();
        Assert.True(await refusal.CountAsync() == 0, $"the run was refused: {(await refusal.AllInnerTextsAsync()).FirstOrDefault()}");
        return page;
    }
}
