using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Identity;

/// <summary>
/// Issue 2's acceptance in a real browser: the admin signs in, creates a Rater and a Lead, and each of
/// them signs in and sees only their own navigation.
/// </summary>
public sealed class AccountsInTheBrowserTests(BrowserFixture browser)
{
    private static readonly string[] AdminLinks = ["nav-training", "nav-models", "nav-users"];
    private static readonly string[] LeadLinks = ["nav-studies", "nav-statistics", "nav-datasets"];
    private static readonly string[] RaterLinks = ["nav-my-studies"];

    [Fact]
    public async Task A_rater_changes_their_password_from_their_name_in_the_bar_and_signs_in_with_the_new_one()
    {
        await MelanoGans.Server.Tests.Studies.StudySeed.AddUserAsync(browser.Factory.Services, "petra", "Petra-Pass-1", "Rater");
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, "petra", "Petra-Pass-1");

        Assert.EndsWith("account/password", await page.GetAttributeAsync("[data-testid=signed-in-as]", "href"));
        await page.ClickAsync("[data-testid=signed-in-as]");
        // The URL is polled, not a load event awaited: Blazor may reach the page by enhanced navigation, which fires none.
        var onPasswordPage = new System.Text.RegularExpressions.Regex("/account/password$");
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(onPasswordPage, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            // On a loaded CI machine a click during the page's first renders was once lost: the link, not the
            // click, is what this test is about, so it is followed once more.
            await page.ClickAsync("[data-testid=signed-in-as]");
            await Assertions.Expect(page).ToHaveURLAsync(onPasswordPage, new() { Timeout = 30_000 });
        }

        await page.Locator("#current").WaitForAsync();
        await page.FillAsync("#current", "Petra-Pass-1");
        await page.FillAsync("#new", "Petra-Pass-2");
        await page.FillAsync("#confirm", "Petra-Pass-2");
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await StudioPage.WaitInteractiveAsync(page);
        await StudioPage.SignOutAsync(page);
        await StudioPage.SignInAsync(page, "petra", "Petra-Pass-2");
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync("petra");
    }

    [Fact]
    public async Task Admin_creates_a_rater_and_a_lead_who_each_see_only_their_navigation()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await StudioPage.ScreenshotAsync(page, "login");
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        await AssertNavigationAsync(page, shown: [.. AdminLinks, .. LeadLinks], hidden: RaterLinks);
        await StudioPage.ScreenshotAsync(page, "home-admin");

        await page.ClickAsync("[data-testid=nav-users]");
        await page.Locator("[data-testid=users-table]").WaitForAsync();
        await CreateUserAsync(page, "rita", "Rater-Pass-1", ["Rater"]);
        await CreateUserAsync(page, "leo", "Lead-Pass-1", ["Lead"]);
        await StudioPage.ScreenshotAsync(page, "users");
        await StudioPage.SignOutAsync(page);

        await StudioPage.SignInAsync(page, "rita", "Rater-Pass-1");
        await AssertNavigationAsync(page, shown: RaterLinks, hidden: [.. AdminLinks, .. LeadLinks]);
        await Assertions.Expect(page.Locator("[data-testid=home-rater]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=home-admin]")).ToHaveCountAsync(0);
        await StudioPage.SignOutAsync(page);

        await StudioPage.SignInAsync(page, "leo", "Lead-Pass-1");
        await AssertNavigationAsync(page, shown: LeadLinks, hidden: [.. AdminLinks, .. RaterLinks]);
        await Assertions.Expect(page.Locator("[data-testid=home-lead]")).ToBeVisibleAsync();
        // Typing an admin address is refused too, not only hidden from the menu.
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByText("Not for your role")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_theme_toggle_switches_to_dark_and_is_remembered()
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        var body = page.Locator("body");
        var light = await body.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");

        await page.ClickAsync("[data-testid=theme-toggle]");
        await Assertions.Expect(body).Not.ToHaveCSSAsync("background-color", light);
        await page.ReloadAsync();
        await StudioPage.WaitInteractiveAsync(page);

        await Assertions.Expect(body).Not.ToHaveCSSAsync("background-color", light);
    }

    private static async Task CreateUserAsync(IPage page, string userName, string password, string[] roles)
    {
        await page.FillAsync("[data-testid=new-username]", userName);
        await page.FillAsync("[data-testid=new-password]", password);
        foreach (var role in new[] { "Admin", "Lead", "Rater" })
        {
            var box = page.Locator($"[data-testid=new-role-{role}]");
            if (await box.IsCheckedAsync() != roles.Contains(role)) await box.ClickAsync();
        }
        await page.ClickAsync("[data-testid=create-user]");
        await Assertions.Expect(page.Locator("[data-testid=users-notice]")).ToContainTextAsync($"Created {userName}");
        await Assertions.Expect(page.Locator("[data-testid=user-row-name]", new() { HasText = userName })).ToBeVisibleAsync();
    }

    private static async Task AssertNavigationAsync(IPage page, string[] shown, string[] hidden)
    {
        foreach (var id in shown)
            await Assertions.Expect(page.Locator($"[data-testid={id}]")).ToBeVisibleAsync();
        foreach (var id in hidden)
            await Assertions.Expect(page.Locator($"[data-testid={id}]")).ToHaveCountAsync(0);
    }
}
