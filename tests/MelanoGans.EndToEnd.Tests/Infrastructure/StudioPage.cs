using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Infrastructure;

/// <summary>What a person does on every page: sign in, wait for the page to come alive, sign out.</summary>
public static class StudioPage
{
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await WaitInteractiveAsync(page);
    }

    /// <summary>Waits until the Blazor circuit has rendered (clicks before that are lost).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-circuit=ready]").WaitForAsync();

    /// <summary>
    /// Clicks the sign-out button until the login page shows: on a loaded machine a click that lands while
    /// the circuit re-renders the layout can be lost (seen once in CI); a second sign-out post is harmless.
    /// </summary>
    public static async Task SignOutAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync("[data-testid=sign-out]");
            try
            {
                // The login page may come with a ReturnUrl: the circuit can notice the sign-out and redirect first.
                // (WaitUntil Commit is not used: when the URL already matches, Playwright then waits for a load
                // state "commit" that never fires.)
                await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal),
                    new() { Timeout = 10_000, WaitUntil = WaitUntilState.DOMContentLoaded });
                return;
            }
            catch (TimeoutException) when (page.Url.Contains("/account/login", StringComparison.Ordinal))
            {
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Types into a MudNumericField or MudTextField (its test id may sit on the input or around it) and leaves it, so the value binds.</summary>
    public static async Task FillNumberAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"[data-testid={testId}]").Locator("xpath=self::input | .//input").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Picks the item with <paramref name="text"/> of a MudSelect: opens the list from its input, clicks the item, waits for the list to close.</summary>
    public static async Task ChooseAsync(IPage page, string testId, string text)
    {
        await page.Locator($"[data-testid={testId}]").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>Writes a screenshot for the docs when MELANOGANS_SCREENSHOTS names a folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var folder = Environment.GetEnvironmentVariable("MELANOGANS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }
}
