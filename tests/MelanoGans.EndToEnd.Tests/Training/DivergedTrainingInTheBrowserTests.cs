using System.Text.RegularExpressions;
using MelanoGans.EndToEnd.Tests.Infrastructure;
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
        var page = await TrainingForm.StartSmallRunAsync(
            browser, ("start-max-steps", "40"), ("start-tick-every", "1"), ("start-snapshot-every", "1"), ("start-lr", "100000000"));

        // The local worker may still be busy with another test's run: the job waits its turn.
        await Assertions.Expect(page.Locator("[data-testid=job-state]").First)
            .ToHaveAttributeAsync("data-state", "Failed", new() { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("[data-testid=job-message]"))
            .ToHaveTextAsync(new Regex(@"^loss_(d|g) became (infinite|NaN \(not a number\)) at step \d+; the checkpoints before it are kept on the worker$"));
        await page.SetViewportSizeAsync(1366, 768);
        await StudioPage.ScreenshotAsync(page, "training-failed");
    }
}
