using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Api;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Hosting;

/// <summary>
/// Issue 25: a request to the REST API that crashes the server gets a 500 problem document whatever its method (a PUT
/// used to come back as an empty 405, because the page error handler was re-executed with the PUT). The browser's
/// exports under /api/studies keep the friendly page (SecurityHeadersTests).
/// </summary>
public sealed class CrashResponseTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    [Theory]
    [InlineData("GET", "/api/v1/studies")]
    [InlineData("PUT", "/api/v1/studies/1")]
    [InlineData("POST", "/api/v1/studies")]
    public async Task A_crash_under_api_is_a_500_problem_for_every_method(string method, string path)
    {
        // The studies service fails on every call, as a bug would.
        await using var crashing = world.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped(_ => DispatchProxy.Create<IStudyAdministration, Failing>())));
        using var client = crashing.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.LeadToken);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = new StringContent("""{"name":"crash"}""", Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("failure is logged", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public class Failing : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new InvalidOperationException("a crash for the test");
    }
}
