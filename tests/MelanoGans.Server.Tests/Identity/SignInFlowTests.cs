using System.Net;
using MelanoGans.Server.Tests.Infrastructure;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>The static login form, cookies, role-guarded pages and lockout, over HTTP.</summary>
public sealed class SignInFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        await using var factory = new StudioFactory();
        var response = await BrowserlessClient.Create(factory).GetAsync("/admin/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location!.Query);
    }

    [Fact]
    public async Task The_admin_signs_in_with_the_configured_password_and_reaches_the_users_page()
    {
        await using var factory = new StudioFactory();
        var client = BrowserlessClient.Create(factory);

        var login = await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("melanogans.auth="));
        var users = await client.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_field_was_wrong()
    {
        await using var factory = new StudioFactory();
        var client = BrowserlessClient.Create(factory);

        var login = await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Wrong user name or password.", await login.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        await using var factory = new StudioFactory();
        var client = BrowserlessClient.Create(factory);
        for (var i = 0; i < 5; i++)
            await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, $"wrong-{i}");

        var login = await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("locked", await login.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var factory = new StudioFactory();
        var client = BrowserlessClient.Create(factory);
        await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        var home = await client.GetStringAsync("/", Ct);
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = BrowserlessClient.AntiforgeryToken(home) }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }
}
