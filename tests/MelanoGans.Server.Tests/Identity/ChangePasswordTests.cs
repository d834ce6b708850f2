using System.Net;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>The static change-password page over HTTP: the current password is checked, the new one takes over.</summary>
public sealed class ChangePasswordTests
{
    private const string Old = "Rater-Pass-2026";
    private const string New = "Fresh-Pass-2027";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rater_changes_their_password_and_only_the_new_one_signs_in_afterwards()
    {
        await using var factory = new StudioFactory();
        await StudySeed.AddUserAsync(factory.Services, "rater", Old, Roles.Rater);
        var client = BrowserlessClient.Create(factory);
        await BrowserlessClient.SignInAsync(client, "rater", Old);

        var wrong = await ChangeAsync(client, current: "not-my-password", New, New);
        Assert.Contains("The current password is wrong.", wrong);
        var mismatch = await ChangeAsync(client, Old, New, New + "x");
        Assert.Contains("The two new passwords differ.", mismatch);
        var weak = await ChangeAsync(client, Old, "short", "short");
        Assert.Contains("at least 8 characters", weak);

        var done = await ChangeAsync(client, Old, New, New);
        Assert.Contains("data-testid=\"password-changed\"", done);
        Assert.DoesNotContain(New, done); // the page never echoes a password
        // This browser stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-studies", Ct)).StatusCode);

        var fresh = BrowserlessClient.Create(factory);
        Assert.Equal(HttpStatusCode.OK, (await BrowserlessClient.SignInAsync(fresh, "rater", Old)).StatusCode); // refused: the form again
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(fresh, "rater", New)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_first()
    {
        await using var factory = new StudioFactory();
        var response = await BrowserlessClient.Create(factory).GetAsync("/account/password", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    private static async Task<string> ChangeAsync(HttpClient client, string current, string fresh, string confirm)
    {
        var page = await client.GetStringAsync("/account/password", Ct);
        var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = BrowserlessClient.AntiforgeryToken(page),
            ["_handler"] = "password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = fresh,
            ["Input.ConfirmPassword"] = confirm,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
