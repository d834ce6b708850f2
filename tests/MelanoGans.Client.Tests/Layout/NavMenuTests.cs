using Bunit;
using MelanoGans.Client.Layout;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Layout;

public sealed class NavMenuTests : StudioComponentTest
{
    public static TheoryData<string[], string[]> RolesAndLinks => new()
    {
        { [Roles.Rater], ["nav-my-studies"] },
        { [Roles.Lead], ["nav-studies", "nav-statistics", "nav-datasets", "nav-tokens"] },
        { [Roles.Admin], ["nav-studies", "nav-statistics", "nav-datasets", "nav-training", "nav-experiments", "nav-models", "nav-users", "nav-tokens"] },
        { [Roles.Rater, Roles.Lead], ["nav-my-studies", "nav-studies", "nav-statistics", "nav-datasets", "nav-tokens"] },
        { [], [] },
    };

    [Theory]
    [MemberData(nameof(RolesAndLinks))]
    public void Each_role_sees_exactly_its_own_links(string[] roles, string[] expected)
    {
        SignInAs("someone", roles);

        var cut = Render<NavMenu>();

        var links = cut.FindAll("[data-testid^=nav-]").Select(a => a.GetAttribute("data-testid")!).ToHashSet();
        Assert.Equal(expected.ToHashSet(), links);
    }
}
