using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Server.Api;
using MelanoGans.Server.Data;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Api;

/// <summary>Personal access tokens: made on the account page, shown once, stored as a hash, refused at once when they end.</summary>
public sealed class AccessTokenTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_is_shown_once_stored_as_its_hash_and_listed_with_its_last_use()
    {
        var token = await world.TokenAsync("lead", Roles.Lead, "nightly export", DateTimeOffset.UtcNow.AddDays(30));
        Assert.Matches("^mgp_[A-Za-z0-9_-]{43}$", token);

        await using (var scope = world.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var stored = await db.AccessTokens.AsNoTracking().SingleAsync(t => t.Name == "nightly export", Ct);
            Assert.Equal(AccessTokenHasher.Hash(token), stored.TokenHash);
            Assert.DoesNotContain(token, JsonSerializer.Serialize(stored));
        }

        Assert.Equal(HttpStatusCode.OK, (await world.Client(token).GetAsync("/api/v1/studies", Ct)).StatusCode);
        await using var lead = world.Study.As("lead", Roles.Lead);
        var listed = (await lead.ServiceProvider.GetRequiredService<IAccessTokens>().ListAsync(Ct)).Single(t => t.Name == "nightly export");
        Assert.NotNull(listed.LastUsedAt);
        Assert.NotNull(listed.ExpiresAt);
        Assert.True(listed.IsActiveAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Revoking_a_token_stops_it_at_the_next_request_and_nobody_else_can_revoke_it()
    {
        var token = await world.TokenAsync("lead", Roles.Lead, "to revoke");
        var api = world.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/datasets", Ct)).StatusCode);

        int id;
        await using (var lead = world.Study.As("lead", Roles.Lead))
            id = (await lead.ServiceProvider.GetRequiredService<IAccessTokens>().ListAsync(Ct)).Single(t => t.Name == "to revoke").Id;
        await using (var admin = world.Study.As(StudioFactory.AdminUserName, Roles.Admin))
            Assert.Equal(["No such token."], (await admin.ServiceProvider.GetRequiredService<IAccessTokens>().RevokeAsync(id, Ct)).Errors);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/datasets", Ct)).StatusCode);

        await using (var lead = world.Study.As("lead", Roles.Lead))
            Assert.True((await lead.ServiceProvider.GetRequiredService<IAccessTokens>().RevokeAsync(id, Ct)).Succeeded);
        var refused = await api.GetAsync("/api/v1/datasets", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The token was revoked.", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_malformed_token_gets_the_same_answer_as_an_unknown_one()
    {
        var real = await world.TokenAsync("lead", Roles.Lead, "shape");
        var unknown = await world.Client(real[..^1] + (real[^1] == 'A' ? 'B' : 'A')).GetAsync("/api/v1/datasets", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var expected = (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();
        Assert.Equal("Unknown token.", expected);
        foreach (var token in ApiWorld.MalformedTokens.Append("mgp_bogus"))
        {
            var refused = await world.Client(token).GetAsync("/api/v1/datasets", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(expected, (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Disabling_the_owner_stops_the_token_at_once_and_enabling_does_not_bring_it_back()
    {
        var token = await world.TokenAsync("lead2", Roles.Lead);
        var api = world.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/studies", Ct)).StatusCode);

        await using var admin = world.Study.As(StudioFactory.AdminUserName, Roles.Admin);
        var users = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
        var id = (await users.ListAsync(Ct)).Single(u => u.UserName == "lead2").Id;
        Assert.True((await users.SetDisabledAsync(id, true)).Succeeded);
        var refused = await api.GetAsync("/api/v1/studies", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        // Disabling revoked the account's tokens (issue 25), which the answer says.
        Assert.Equal("The token was revoked.", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        // Issue 25: disabling revoked the token; the owner makes a new one after being enabled.
        Assert.True((await users.SetDisabledAsync(id, false)).Succeeded);
        var still = await api.GetAsync("/api/v1/studies", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, still.StatusCode);
        Assert.Equal("The token was revoked.", (await still.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await world.Client(await world.TokenAsync("lead2", Roles.Lead, "after")).GetAsync("/api/v1/studies", Ct)).StatusCode);
    }

    [Fact]
    public async Task Raters_get_no_tokens_and_bad_names_or_past_expiries_are_refused()
    {
        await using (var rater = world.Study.As("rater1", Roles.Rater))
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => rater.ServiceProvider.GetRequiredService<IAccessTokens>().CreateAsync("x", null, Ct));
        await using var lead = world.Study.As("lead", Roles.Lead);
        var tokens = lead.ServiceProvider.GetRequiredService<IAccessTokens>();
        Assert.False((await tokens.CreateAsync("  ", null, Ct)).Result.Succeeded);
        Assert.False((await tokens.CreateAsync(new string('n', 101), null, Ct)).Result.Succeeded);
        var (past, none) = await tokens.CreateAsync("late", DateTimeOffset.UtcNow.AddMinutes(-1), Ct);
        Assert.Equal(["The expiry date has passed; choose a later one or none."], past.Errors);
        Assert.Null(none);
    }

    [Fact]
    public async Task A_signed_in_browsers_cookie_does_not_open_the_api()
    {
        var browser = BrowserlessClient.Create(world.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(browser, "lead", Studies.StudyWorld.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/studies", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_making_too_many_requests_gets_429_and_other_tokens_go_on()
    {
        await using var factory = new StudioFactory(new Dictionary<string, string> { ["Studio:Api:PermitsPerTokenPerMinute"] = "3" });
        string busy, quiet;
        await using (var lead = ScopeAs.Create(factory.Services, "lead", Roles.Lead))
        {
            var tokens = lead.ServiceProvider.GetRequiredService<IAccessTokens>();
            busy = (await tokens.CreateAsync("busy", null, Ct)).Token!;
            quiet = (await tokens.CreateAsync("quiet", null, Ct)).Token!;
        }
        HttpClient Client(string token)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        }
        var api = Client(busy);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/datasets", Ct)).StatusCode);
        var limited = await api.GetAsync("/api/v1/studies", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await Client(quiet).GetAsync("/api/v1/datasets", Ct)).StatusCode);
    }
}
