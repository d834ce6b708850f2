using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MelanoGans.Server.Tests.Infrastructure;

namespace MelanoGans.Server.Tests.Api;

/// <summary>
/// Who the caller is comes before what they sent: the token, then its limits and roles, then the content type and
/// the body. And every refusal the framework answers by itself is a problem document.
/// </summary>
public sealed class ApiOrderOfChecksTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_upload_in_the_wrong_content_type_is_a_401_and_a_lead_sending_broken_json_to_an_admin_endpoint_a_403()
    {
        var anonymous = await world.Client(null).PostAsync("/api/v1/models", Json("{}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var lead = await world.Client(world.LeadToken).PostAsync("/api/v1/training-jobs", Json("{\"datasetId\": oops"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, lead.StatusCode);
        Assert.Equal("application/problem+json", lead.Content.Headers.ContentType?.MediaType);

        var admin = await world.Client(world.AdminToken).PostAsync("/api/v1/models", Json("{}"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, admin.StatusCode);
        Assert.Contains("content type", await ProblemDetailAsync(admin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Framework_refusals_are_problem_documents_and_head_answers_like_get_without_a_body()
    {
        var api = world.Client(world.LeadToken);
        var notAnId = await api.GetAsync("/api/v1/studies/abc", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Contains("No such endpoint", await ProblemDetailAsync(notAnId), StringComparison.Ordinal);

        var wrongMethod = await api.DeleteAsync("/api/v1/studies", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("does not take DELETE", await ProblemDetailAsync(wrongMethod), StringComparison.Ordinal);

        var head = await api.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/studies"), Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_drafts_statistics_are_a_409_that_says_it_has_not_started()
    {
        var api = world.Client(world.LeadToken);
        var created = await api.PostAsJsonAsync("/api/v1/studies", world.Study.Setup(), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary").GetProperty("id").GetInt32();

        var statistics = await api.GetAsync($"/api/v1/studies/{id}/statistics", Ct);

        Assert.Equal(HttpStatusCode.Conflict, statistics.StatusCode);
        Assert.Equal("This study has not started; its statistics begin when it opens to its raters.", await ProblemDetailAsync(statistics));
    }

    [Fact]
    public async Task Unknown_tokens_and_anonymous_requests_from_one_address_are_limited_like_sign_in()
    {
        await using var factory = new StudioFactory(new Dictionary<string, string> { ["Studio:Api:PermitsPerAddressPerMinute"] = "5" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var client = factory.CreateClient();
            if (i % 2 == 0) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mgp_" + new string((char)('A' + i), 43));
            statuses.Add((await client.GetAsync("/api/v1/studies", Ct)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
    }
}
