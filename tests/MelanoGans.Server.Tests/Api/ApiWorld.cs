using System.Net.Http.Headers;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Api;

/// <summary>
/// A <see cref="StudyWorld"/> (a lead, raters, sources) with a personal access token for each role and one of each
/// kind that must be refused: expired, revoked, of a disabled owner.
/// </summary>
public sealed class ApiWorld : IAsyncLifetime
{
    public StudyWorld Study { get; private set; } = default!;

    public string AdminToken { get; private set; } = "";
    public string LeadToken { get; private set; } = "";
    public string RaterToken { get; private set; } = "";
    public string ExpiredToken { get; private set; } = "";
    public string RevokedToken { get; private set; } = "";
    public string DisabledOwnerToken { get; private set; } = "";

    /// <summary>Well-formed but never issued, and not a token at all.</summary>
    public static IReadOnlyList<string> MalformedTokens { get; } = ["mgp_" + new string('A', 43), "mgw_not-a-personal-token", "x"];

    public StudioFactory Factory => Study.Factory;

    public async ValueTask InitializeAsync()
    {
        Study = await StudyWorld.CreateAsync();
        AdminToken = await TokenAsync(StudioFactory.AdminUserName, Roles.Admin);
        LeadToken = await TokenAsync("lead", Roles.Lead);
        // A rater who also leads gets a token, then loses the Lead role: the token keeps only what the owner holds now.
        RaterToken = await TokenAsync("rater3", Roles.Lead);
        ScopeAs.Create(Factory.Services, "rater3", Roles.Rater).Dispose();

        ExpiredToken = await TokenAsync("lead", Roles.Lead, "expired", DateTimeOffset.UtcNow.AddMinutes(5));
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            var expired = await db.AccessTokens.SingleAsync(t => t.Name == "expired");
            expired.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        RevokedToken = await TokenAsync("lead", Roles.Lead, "revoked");
        await using (var lead = Study.As("lead", Roles.Lead))
        {
            var tokens = lead.ServiceProvider.GetRequiredService<IAccessTokens>();
            var id = (await tokens.ListAsync()).Single(t => t.Name == "revoked").Id;
            Assert.True((await tokens.RevokeAsync(id)).Succeeded);
        }

        DisabledOwnerToken = await TokenAsync("gone", Roles.Admin);
        await using (var admin = Study.As(StudioFactory.AdminUserName, Roles.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
            var id = (await users.ListAsync()).Single(u => u.UserName == "gone").Id;
            Assert.True((await users.SetDisabledAsync(id, true)).Succeeded);
        }
    }

    /// <summary>Creates a token through the account page's service, as <paramref name="userName"/> with exactly these roles.</summary>
    public async Task<string> TokenAsync(string userName, string role, string name = "script", DateTimeOffset? expiresAt = null)
    {
        await using var scope = Study.As(userName, role);
        var (result, token) = await scope.ServiceProvider.GetRequiredService<IAccessTokens>().CreateAsync(name, expiresAt);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return token!;
    }

    /// <summary>A client without cookies that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync() => await Study.DisposeAsync();
}
