using System.Net;
using System.Text.RegularExpressions;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>Signs in through the real static login form (antiforgery token included), like a browser.</summary>
public static partial class BrowserlessClient
{
    public static HttpClient Create(StudioFactory factory) =>
        factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form; returns the response (302 on success, 200 with a message otherwise).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/account/login", form);
    }

    /// <summary>The antiforgery token of the first form in a page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
