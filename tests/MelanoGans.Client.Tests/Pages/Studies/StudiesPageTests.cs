using Bunit;
using MelanoGans.Client.Pages.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>The leads' list of studies.</summary>
public sealed class StudiesPageTests : StudioComponentTest
{
    private readonly FakeStudyAdministration _studies = new()
    {
        Studies =
        [
            new StudySummary(5, "Open pilot", StudyState.Open, 6, 6, 2, 3, 26, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 4),
            new StudySummary(4, "Draft pilot", StudyState.Draft, 6, 6, 2, 0, 0, DateTimeOffset.UtcNow, null, 1),
        ],
    };

    public StudiesPageTests()
    {
        SignInAs("lena", Roles.Lead);
        Services.AddSingleton<IStudyAdministration>(_studies);
    }

    [Fact]
    public void A_started_studys_name_links_to_its_dashboard_and_a_drafts_name_is_plain_text()
    {
        var cut = Render<StudiesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=study-row-name]").Count));
        var link = Assert.Single(cut.FindAll("[data-testid=study-dashboard-link]"));
        Assert.Equal("Open pilot", link.TextContent.Trim());
        Assert.Equal("statistics/5", link.GetAttribute("href"));
        Assert.Equal("Draft pilot", cut.FindAll("[data-testid=study-row-name]")[1].TextContent.Trim());
    }

    [Fact]
    public void Starting_from_the_list_waits_for_the_confirmation()
    {
        var cut = Render<StudiesPage>();
        cut.WaitForElement("[data-testid=study-start]").Click();
        Assert.Empty(_studies.Started);

        cut.WaitForElement("[data-testid=study-start-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal([(4, (int?)1)], _studies.Started));
        cut.WaitForAssertion(() => Assert.Contains("Started", cut.Find("[data-testid=studies-notice]").TextContent));
    }
}
