using Bunit;
using MelanoGans.Client.Pages;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Pages;

public sealed class HomePageTests : StudioComponentTest
{
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
