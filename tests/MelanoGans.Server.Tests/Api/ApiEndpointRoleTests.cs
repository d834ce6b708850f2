using System.Net;
using System.Text;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Tests.Api;

/// <summary>
/// Every <c>/api/v1</c> endpoint with a token of each role (allowed, or refused with 403 by the page service behind
/// it), and with tokens that must not authenticate at all (expired, revoked, malformed, a disabled owner: 401).
/// </summary>
public sealed class ApiEndpointRoleTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Endpoints => ApiEndpointCatalog.Endpoints;

    [Fact]
    public void The_table_lists_exactly_the_mapped_endpoints()
    {
        var expected = ApiEndpointCatalog.Endpoints.Select(row => (row.Data.Item1, row.Data.Item2))
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, ApiEndpointCatalog.Mapped(world.Factory.Services));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_is_let_in_or_refused_with_403(string method, string path)
    {
        var studyId = await world.Study.StartedStudyAsync();
        var url = ApiEndpointCatalog.Url(path, studyId);
        var allowed = ApiEndpointCatalog.AllowedRoles(method, path);
        foreach (var (role, token) in new[] { (Roles.Rater, world.RaterToken), (Roles.Lead, world.LeadToken), (Roles.Admin, world.AdminToken) })
        {
            using var response = await SendAsync(world.Client(token), method, url);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (allowed.Contains(role))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500,
                    $"{role}: {method} {url} answered {(int)response.StatusCode} {body}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {url} answered {(int)response.StatusCode} {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(403, System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Expired_revoked_malformed_missing_and_disabled_owners_tokens_get_401(string method, string path)
    {
        var url = ApiEndpointCatalog.Url(path, 1);
        var refused = new List<(string Kind, string? Token)>
        {
            ("expired", world.ExpiredToken), ("revoked", world.RevokedToken), ("disabled owner", world.DisabledOwnerToken), ("none", null),
        };
        refused.AddRange(ApiWorld.MalformedTokens.Select(t => ("malformed", (string?)t)));
        foreach (var (kind, token) in refused)
        {
            using var response = await SendAsync(world.Client(token), method, url);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized,
                $"{kind} token: {method} {url} answered {(int)response.StatusCode}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        // Each endpoint gets a body of the type it accepts (another type is a 415 at routing, before authentication).
        if (method is "POST" or "PUT")
        {
            request.Content = url == "/api/v1/models"
                ? new MultipartFormDataContent { { new StringContent("{}"), "manifest", "generator.json" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request, Ct);
    }
}
