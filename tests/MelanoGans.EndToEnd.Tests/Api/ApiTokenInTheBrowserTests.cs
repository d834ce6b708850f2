using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.EndToEnd.Tests.Studies;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Api;

/// <summary>
/// Issue 17's acceptance: a lead creates a token on the account page; a script sets up and starts a study over HTTP
/// with it; the study is on the lead's Studies page and the rater rates it in the browser.
/// </summary>
public sealed class ApiTokenInTheBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_made_on_the_account_page_sets_up_and_starts_a_study_that_the_lead_sees_and_the_rater_rates()
    {
        var (datasetId, poolId) = await StudySeed.AddSourcesAsync(browser.Factory.Services, reals: 3, fakes: 3, suffix: " api");
        var raterId = await StudySeed.AddUserAsync(browser.Factory.Services, "api-rater", BrowserStudy.Password, Roles.Rater);
        await StudySeed.AddUserAsync(browser.Factory.Services, "api-lead", BrowserStudy.Password, Roles.Lead);

        var lead = await browser.NewPageAsync();
        await StudioPage.SignInAsync(lead, "api-lead", BrowserStudy.Password);
        await lead.ClickAsync("[data-testid=nav-tokens]");
        await StudioPage.WaitInteractiveAsync(lead);
        await Assertions.Expect(lead.Locator("[data-testid=api-docs-link]")).ToHaveAttributeAsync("href", "/api/docs");
        await lead.FillAsync("[data-testid=access-token-name]", "study script");
        await lead.ClickAsync("[data-testid=create-access-token]");
        var token = await lead.Locator("[data-testid=new-access-token-value]").InnerTextAsync();
        Assert.StartsWith("mgp_", token);
        await Assertions.Expect(lead.Locator("[data-testid=access-token-row]")).ToContainTextAsync("study script");
        await StudioPage.ScreenshotAsync(lead, "api-tokens");

        // The script: plain HTTP with the token, no cookie.
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await api.PostAsJsonAsync("/api/v1/studies", new
        {
            name = "Scripted study",
            realDatasetId = datasetId,
            realCount = 3,
            pools = new[] { new { poolId, count = 3 } },
            presentationSize = 64,
            raterIds = new[] { raterId },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var studyId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary").GetProperty("id").GetInt32();
        var started = await api.PostAsync($"/api/v1/studies/{studyId}/start", null, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        await lead.ClickAsync("[data-testid=nav-studies]");
        await StudioPage.WaitInteractiveAsync(lead);
        var row = lead.Locator("tr", new() { Has = lead.Locator("[data-testid=study-row-name]", new() { HasText = "Scripted study" }) });
        await Assertions.Expect(row.Locator("[data-testid=study-state]")).ToHaveTextAsync("Open");

        var rater = await browser.NewPageAsync();
        await StudioPage.SignInAsync(rater, "api-rater", BrowserStudy.Password);
        await rater.GotoAsync($"/rate/{studyId}");
        await StudioPage.WaitInteractiveAsync(rater);
        await rater.Locator("[data-keys=ready]").WaitForAsync();
        var progress = rater.Locator("[data-testid=progress-text]");
        await Assertions.Expect(progress).ToContainTextAsync("0 of");
        await rater.Keyboard.PressAsync("5");
        await rater.Keyboard.PressAsync("Enter");
        await Assertions.Expect(progress).ToContainTextAsync("1 of");

        var rows = await api.GetFromJsonAsync<JsonElement>($"/api/v1/studies/{studyId}/ratings", Ct);
        Assert.Equal(5, Assert.Single(rows.EnumerateArray().ToList()).GetProperty("response").GetInt32());
    }

    [Fact]
    public async Task The_api_reference_page_renders_under_the_content_security_policy()
    {
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(message.Text);
        };
        await page.GotoAsync("/api/docs/");
        // Scalar renders the operations from the OpenAPI document after its script has loaded: seconds on a loaded machine.
        await Assertions.Expect(page.GetByText("ListStudies").Or(page.GetByText("The studies the caller leads (every study for an admin), newest first.")).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await StudioPage.ScreenshotAsync(page, "api-docs");
        Assert.Empty(blocked);
    }
}
