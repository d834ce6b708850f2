using MelanoGans.Client.Services;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// Two people in two browsers on the same rows, as issue 12 reproduced them: the one acting on an outdated page is
/// refused with the reason, and the page stays alive.
/// </summary>
public sealed class TwoPeopleInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_lead_saving_a_draft_another_lead_started_meanwhile_is_told_who_started_it()
    {
        var (datasetId, poolId) = await StudySeed.AddSourcesAsync(browser.Factory.Services, reals: 3, fakes: 3, suffix: " 0two");
        await StudySeed.AddUserAsync(browser.Factory.Services, "two-lead1", BrowserStudy.Password, Roles.Lead);
        await StudySeed.AddUserAsync(browser.Factory.Services, "two-lead2", BrowserStudy.Password, Roles.Lead);
        var raterId = await StudySeed.AddUserAsync(browser.Factory.Services, "two-rater", BrowserStudy.Password, Roles.Rater);
        await using (var scope = ScopeAs.Create(browser.Factory.Services, "two-lead1", Roles.Lead))
        {
            var studies = scope.ServiceProvider.GetRequiredService<IStudyAdministration>();
            var (created, id) = await studies.CreateAsync(new StudySetup
            {
                Name = "Two leads", RealDatasetId = datasetId, RealCount = 2, PresentationSize = 32,
                Pools = [new StudyPoolCount { PoolId = poolId, Count = 2 }], RaterIds = [raterId],
            });
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            // The owner shares it: co-leads change a study as its owner does.
            var lead2 = (await studies.GetSetupOptionsAsync(TestContext.Current.CancellationToken)).Leads.Single(l => l.UserName == "two-lead2").Id;
            var shared = await studies.SetCoLeadsAsync(id, [lead2]);
            Assert.True(shared.Succeeded, string.Join(" ", shared.Errors));
        }
        var first = await OpenStudiesAsync("two-lead1");
        var second = await OpenStudiesAsync("two-lead2");

        await Row(first).Locator("[data-testid=study-edit]").ClickAsync();
        await first.FillAsync("[data-testid=study-name]", "Renamed by lead1");
        await Row(second).Locator("[data-testid=study-start]").ClickAsync();
        await Row(second).Locator("[data-testid=study-start-confirm]").ClickAsync();
        await Assertions.Expect(Row(second).Locator("[data-testid=study-state]")).ToHaveTextAsync("Open");
        await first.ClickAsync("[data-testid=study-save]");

        await Assertions.Expect(first.Locator("[data-testid=study-errors]"))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"This study was started by two-lead2 at \d\d:\d\d UTC; reload to see it\."));
        await Assertions.Expect(first.Locator("[data-testid=page-error]")).ToHaveCountAsync(0);
        await StudioPage.ScreenshotAsync(first, "study-refused");
        await first.ReloadAsync();
        await StudioPage.WaitInteractiveAsync(first);
        await Assertions.Expect(Row(first).Locator("[data-testid=study-state]")).ToHaveTextAsync("Open");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lead_demoted_while_the_studies_page_is_open_sees_why_at_the_next_click()
    {
        var leadId = await StudySeed.AddUserAsync(browser.Factory.Services, "two-demoted", BrowserStudy.Password, Roles.Lead);
        var page = await OpenStudiesAsync("two-demoted");

        await using (var admin = ScopeAs.Create(browser.Factory.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetRoleAsync(leadId, Roles.Lead, false);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }
        await page.ClickAsync("[data-testid=new-study]");

        await Assertions.Expect(page.Locator("[data-testid=page-error]")).ToContainTextAsync("no longer has the rights for this page");
        await Assertions.Expect(page.Locator("[data-testid=study-setup]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_lead_sees_a_study_only_once_its_owner_shares_it_from_the_studies_page()
    {
        var (datasetId, poolId) = await StudySeed.AddSourcesAsync(browser.Factory.Services, reals: 3, fakes: 3, suffix: " 0share");
        await StudySeed.AddUserAsync(browser.Factory.Services, "share-owner", BrowserStudy.Password, Roles.Lead);
        await StudySeed.AddUserAsync(browser.Factory.Services, "share-other", BrowserStudy.Password, Roles.Lead);
        var raterId = await StudySeed.AddUserAsync(browser.Factory.Services, "share-rater", BrowserStudy.Password, Roles.Rater);
        await using (var scope = ScopeAs.Create(browser.Factory.Services, "share-owner", Roles.Lead))
        {
            var (created, _) = await scope.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(new StudySetup
            {
                Name = "Shared study", RealDatasetId = datasetId, RealCount = 2, PresentationSize = 32,
                Pools = [new StudyPoolCount { PoolId = poolId, Count = 2 }], RaterIds = [raterId],
            });
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        }
        var owner = await OpenStudiesAsync("share-owner");
        var other = await OpenStudiesAsync("share-other");
        await Assertions.Expect(Row(other, "Shared study")).ToHaveCountAsync(0);

        await Row(owner, "Shared study").Locator("[data-testid=study-share]").ClickAsync();
        await owner.Locator("[data-testid=share-lead-share-other]").Locator("xpath=ancestor::label[1]").ClickAsync();
        await StudioPage.ScreenshotAsync(owner, "study-share");
        await owner.ClickAsync("[data-testid=share-save]");
        await Assertions.Expect(owner.Locator("[data-testid=studies-notice]")).ToContainTextAsync("Shared Shared study with 1 co-lead.");
        await Assertions.Expect(Row(owner, "Shared study").Locator("[data-testid=study-row-leads]")).ToHaveTextAsync("share-owner + share-other");

        await other.ReloadAsync();
        await StudioPage.WaitInteractiveAsync(other);
        var shared = Row(other, "Shared study");
        await Assertions.Expect(shared.Locator("[data-testid=study-row-leads]")).ToHaveTextAsync("share-owner + share-other");
        // A co-lead changes the study, but naming co-leads stays with its owner.
        await Assertions.Expect(shared.Locator("[data-testid=study-edit]")).ToBeVisibleAsync();
        await Assertions.Expect(shared.Locator("[data-testid=study-share]")).ToHaveCountAsync(0);
        await owner.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string name = "Two leads") =>
        page.Locator("tr", new() { Has = page.Locator("[data-testid=study-row-name]", new() { HasText = name }) });

    private async Task<IPage> OpenStudiesAsync(string lead)
    {
        var page = await browser.NewPageAsync();
        await StudioPage.SignInAsync(page, lead, BrowserStudy.Password);
        await page.ClickAsync("[data-testid=nav-studies]");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=new-study]").WaitForAsync();
        return page;
    }
}
