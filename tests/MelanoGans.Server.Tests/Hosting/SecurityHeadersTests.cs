using System.Net;
using System.Reflection;
using MelanoGans.Server.Statistics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Hosting;

/// <summary>What every response tells the browser, over HTTP and HTTPS, and what an error shows.</summary>
public sealed class SecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_carry_a_content_security_policy_no_framing_no_referrer_and_no_server_header()
    {
        await using var factory = new StudioFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1")) };

        foreach (var path in new[] { "/account/login", "/", "/favicon.svg" })
        {
            var response = await client.GetAsync(path, Ct);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Server"), $"{path} names the server");
            Assert.Null(response.Headers.Server.FirstOrDefault());
        }
        // No HSTS over plain HTTP: it would lock a browser out of a studio without TLS.
        Assert.False((await client.GetAsync("/account/login", Ct)).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_https_there_is_hsts_a_redirect_from_http_and_a_secure_antiforgery_cookie()
    {
        await using var factory = new StudioFactory(new Dictionary<string, string> { ["https_port"] = "443" });
        using var https = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://studio.example") });
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://studio.example") });

        var login = await https.GetAsync("/account/login", Ct);
        Assert.Contains("max-age=", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var plain = await http.GetAsync("/account/login", Ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://studio.example/account/login", plain.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_failing_page_shows_a_friendly_error_with_the_details_only_in_the_log_in_the_default_run()
    {
        // The README's run is the Development environment; StudioFactory runs it too. (A page's own failure shows in
        // the layout's error boundary; this is a failure outside any page.)
        await using var factory = new StudioFactory { TestServices = s => s.AddSingleton(_ => DispatchProxy.Create<IRatingsTable, Failing>()) };
        var client = BrowserlessClient.Create(factory);
        await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword);

        var page = await client.GetAsync("/api/studies/1/statistics.json", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("database is on fire", html);
        Assert.DoesNotContain("   at ", html);
    }

    /// <summary>A ratings table whose every call fails, as a broken database would make it.</summary>
    public class Failing : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("The database is on fire.");
    }
}
