using System.Text.RegularExpressions;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Training;

/// <summary>
/// A run whose loss becomes non-finite (here: a learning rate of 1e8) is not a crash: the local worker stops it, the
/// job fails, and its page says which loss went at which step.
/// </summary>
public sealed class DivergedTrainingInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_run_whose_loss_becomes_non_finite_fails_and_its_page_says_which_loss_at_which_step()
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await page.ClickAsync("[data-testid=nav-training]");
        await page.Locator("[data-testid=start-run]:not([disabled])").WaitForAsync(new() { Timeout = 60_000 });

        await page.ClickAsync("[data-testid=resolution-32]");
        await StudioPage.FillNumberAsync(page, "start-epochs", "1000");
        await StudioPage.FillNumberAsync(page, "start-max-steps", "40");
        await StudioPage.FillNumberAsync(page, "start-tick-every", "1");
        await StudioPage.FillNumberAsync(page, "start-snapshot-every", "1");
        await StudioPage.FillNumberAsync(page, "start-lr", "100000000");
        await page.ClickAsync("[data-testid=start-run]");
        var refusal = page.Locator("[data-testid=start-errors]");
        await page.Locator("[data-testid=loss-chart], [data-testid=start-errors]").First.WaitForAsync();
        Assert.True(await refusal.CountAsync() == 0, $"the run was refused: {(await refusal.AllInnerTextsAsync()).FirstOrDefault()}");

        // The local worker may still be busy with another test's run: the job waits its turn.
        await Assertions.Expect(page.Locator("[data-testid=job-state]").First)
            .ToHaveAttributeAsync("data-state", "Failed", new() { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("[data-testid=job-message]"))
            .ToHaveTextAsync(new Regex(@"^loss_(d|g) became (infinite|NaN \(not a number\)) at step \d+; the checkpoints before it are kept on the worker$"));
        await StudioPage.ScreenshotAsync(page, "training-failed");
    }
}
