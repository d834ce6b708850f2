using Bunit;
using MelanoGans.Client.Pages;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Pages.Studies;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages;

public sealed class HomePageTests : StudioComponentTest
{
    private readonly FakeRatingSession _ratings = new(total: 3, tags: []) { Assigned = false };

    public HomePageTests() => Services.AddSingleton<IRatingSession>(_ratings);

    [Fact]
    public void A_rater_with_an_open_study_gets_a_card_that_resumes_it()
    {
        _ratings.Assigned = true;
        SignInAs("rita", Roles.Rater);

        var cut = Render<HomePage>();

        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
        Assert.Contains("Pilot", cut.Find("[data-testid=home-rater]").TextContent);
        Assert.Contains(cut.FindAll("[data-testid=home-rater] a"), a => a.GetAttribute("href") == "rate/7");
    }

    [Fact]
    public void A_rater_sees_an_empty_state_that_says_what_happens_next()
    {
        SignInAs("rita", Roles.Rater);

        var cut = Render<HomePage>();

        Assert.NotNull(cut.Find("[data-testid=home-rater]"));
        Assert.Empty(cut.FindAll("[data-testid=home-admin]"));
        Assert.Contains("No studies assigned to you yet", cut.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public void An_admin_gets_the_administration_cards_and_no_rater_section()
    {
        SignInAs("ada", Roles.Admin);

        var cut = Render<HomePage>();

        Assert.NotNull(cut.Find("[data-testid=home-admin]"));
        Assert.Empty(cut.FindAll("[data-testid=home-rater]"));
        Assert.Contains("Welcome, ada", cut.Markup);
    }

    [Fact]
    public void A_user_without_a_role_is_told_to_ask_an_admin()
    {
        SignInAs("nobody");

        var cut = Render<HomePage>();

        Assert.Contains("No role yet", cut.Markup);
    }
}
