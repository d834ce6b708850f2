using Bunit;
using MelanoGans.Client.Pages.Account;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Account;

public sealed class AccessTokensPageTests : StudioComponentTest
{
    private readonly FakeAccessTokens _tokens = new();

    public AccessTokensPageTests()
    {
        Services.AddSingleton<IAccessTokens>(_tokens);
        Services.AddSingleton(TimeProvider.System);
        SignInAs("lead", Roles.Lead);
    }

    [Fact]
    public void A_new_token_is_shown_once_with_a_default_expiry_and_listed()
    {
        var cut = Render<AccessTokensPage>();
        Assert.Equal("/api/docs", cut.Find("[data-testid=api-docs-link]").GetAttribute("href"));

        cut.Find("input[data-testid=access-token-name]").Input("nightly export");
        cut.Find("[data-testid=create-access-token]").Click();

        cut.WaitForAssertion(() => Assert.Equal("mgp_token1", cut.Find("[data-testid=new-access-token-value]").TextContent));
        var stored = Assert.Single(_tokens.Stored);
        Assert.Equal("nightly export", stored.Name);
        Assert.InRange(stored.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(89), TimeSpan.FromDays(90));
        Assert.Contains("nightly export", cut.Find("[data-testid=access-token-row]").TextContent);
        Assert.Equal("active", cut.Find("[data-testid=access-token-status]").TextContent);
    }

    [Fact]
    public void Expired_and_revoked_tokens_say_so_and_revoking_asks_the_service()
    {
        var now = DateTimeOffset.UtcNow;
        _tokens.Stored.Add(new AccessTokenSummary(1, "old", now.AddDays(-40), now.AddDays(-10), now.AddDays(-11), null));
        _tokens.Stored.Add(new AccessTokenSummary(2, "live", now.AddDays(-1), null, null, null));
        var cut = Render<AccessTokensPage>();

        Assert.Equal(["active", "expired"], cut.FindAll("[data-testid=access-token-status]").Select(s => s.TextContent));
        cut.FindAll("[data-testid=revoke-access-token]")[0].Click();

        cut.WaitForAssertion(() => Assert.StartsWith("revoked", cut.FindAll("[data-testid=access-token-status]")[0].TextContent));
        Assert.NotNull(_tokens.Stored.Single(t => t.Name == "live").RevokedAt);
    }

    [Fact]
    public void A_refused_token_shows_the_services_reason()
    {
        var cut = Render<AccessTokensPage>();
        cut.Find("[data-testid=create-access-token]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Give the token a name", cut.Find("[data-testid=access-token-error]").TextContent));
        Assert.Empty(_tokens.Stored);
    }
}
