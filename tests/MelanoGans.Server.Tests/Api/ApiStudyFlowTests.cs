using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Api;

/// <summary>A lead's scripted session, and the same action through the page service and the API reaching the same result.</summary>
public sealed class ApiStudyFlowTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_diagnosis_study_is_set_up_by_json_and_a_pool_of_every_class_is_refused_under_pools()
    {
        var api = world.Client(world.LeadToken);
        var services = world.Factory.Services;
        var melanomas = await MelanoGans.Server.Tests.Studies.StudySeed.AddClassPoolAsync(services, "api melanomas", "api-gan-melanoma", MelanoGans.Shared.Datasets.LesionClass.Melanoma, 4);
        var nevi = await MelanoGans.Server.Tests.Studies.StudySeed.AddClassPoolAsync(services, "api nevi", "api-gan-nevus", MelanoGans.Shared.Datasets.LesionClass.Nevus, 4);
        string Body(int secondPool) => $$"""
            {"name": "API diagnosis", "task": "diagnosis", "askDiagnosis": true, "presentationSize": 48,
             "realDatasetId": {{world.Study.DatasetId}}, "realCount": 4,
             "realClassCounts": [{"label": "melanoma", "count": 2}, {"label": "nevus", "count": 2}],
             "pools": [{"poolId": {{melanomas}}, "count": 2, "source": "api-gan"}, {"poolId": {{secondPool}}, "count": 2, "source": "api-gan"}],
             "raterIds": ["{{world.Study.Rater1Id}}"]}
            """;

        // The study world's pool comes from a generator trained on every class.
        var refused = await api.PostAsync("/api/v1/studies", new StringContent(Body(world.Study.PoolId), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Json, Ct)).GetProperty("errors").GetProperty("pools");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains("cannot enter a diagnosis study", StringComparison.Ordinal));

        var created = await api.PostAsync("/api/v1/studies", new StringContent(Body(nevi), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var setup = (await created.Content.ReadFromJsonAsync<JsonElement>(Json, Ct)).GetProperty("setup");
        Assert.Equal(("Diagnosis", true, 2), (setup.GetProperty("task").GetString(), setup.GetProperty("askDiagnosis").GetBoolean(), setup.GetProperty("realClassCounts").GetArrayLength()));
        Assert.All(setup.GetProperty("pools").EnumerateArray(), p => Assert.Equal("api-gan", p.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task A_lead_sets_up_starts_and_reads_a_study_with_a_token_and_the_rater_rates_it()
    {
        var api = world.Client(world.LeadToken);

        var options = await api.GetFromJsonAsync<StudySetupOptions>("/api/v1/studies/setup-options", Json, Ct);
        Assert.Contains(options!.Raters, r => r.Id == world.Study.Rater1Id);

        var created = await api.PostAsJsonAsync("/api/v1/studies", world.Study.Setup(), Json, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>(Json, Ct)).GetProperty("summary");
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/studies/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Draft", draft.GetProperty("state").GetString());

        var start = await api.PostAsync($"/api/v1/studies/{id}/start?expectedVersion={draft.GetProperty("version").GetInt32()}", null, Ct);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal("Open", (await start.Content.ReadFromJsonAsync<JsonElement>(Json, Ct)).GetProperty("summary").GetProperty("state").GetString());

        // The rater finds it among their studies and answers its first item, as on the rating page.
        await using (var rater = world.Study.As("rater1", Roles.Rater))
        {
            var session = rater.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = await session.GetStepAsync(id, Ct);
            Assert.NotNull(step?.ImageUrl);
            var result = await session.SubmitAsync(new AnswerSubmission(id, step!.Position, 2, [], null, DateTimeOffset.UtcNow.AddSeconds(-2), 1500));
            Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        }

        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/studies?page=1&pageSize=10", Json, Ct);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetInt32() == id);
        Assert.True(page.GetProperty("total").GetInt32() >= 1);

        var csv = await api.GetStringAsync($"/api/v1/studies/{id}/ratings.csv", Ct);
        Assert.StartsWith(MelanoGans.Shared.Statistics.RatingsCsv.Header + "\r\n", csv);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var rows = await api.GetFromJsonAsync<JsonElement>($"/api/v1/studies/{id}/ratings", Ct);
        Assert.Equal(2, Assert.Single(rows.EnumerateArray().ToList()).GetProperty("response").GetInt32());

        var statistics = await api.GetAsync($"/api/v1/studies/{id}/statistics", Ct);
        Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
        var report = await statistics.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("raters").ValueKind);
    }

    [Fact]
    public async Task Starting_a_study_through_the_page_service_and_through_the_api_reaches_the_same_state_and_the_same_refusal()
    {
        var (viaPage, viaApi) = (await DraftAsync(), await DraftAsync());
        await using var lead = world.Study.As("lead", Roles.Lead);
        var studies = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();

        Assert.True((await studies.StartAsync(viaPage)).Succeeded);
        var api = world.Client(world.LeadToken);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/studies/{viaApi}/start", null, Ct)).StatusCode);

        var all = await studies.ListAsync(Ct);
        var (a, b) = (all.Single(s => s.Id == viaPage), all.Single(s => s.Id == viaApi));
        Assert.Equal((a.State, a.RealCount, a.FakeCount, a.RaterCount, a.ExpectedAnswers), (b.State, b.RealCount, b.FakeCount, b.RaterCount, b.ExpectedAnswers));
        Assert.Equal(StudyState.Open, b.State);

        // Starting again: the page shows the service's reason; the API sends the same words in a 409 problem.
        var reason = Assert.Single((await studies.StartAsync(viaApi)).Errors);
        var again = await api.PostAsync($"/api/v1/studies/{viaApi}/start", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(reason, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        var missing = await api.PostAsync("/api/v1/studies/999999/start", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No such study.", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_draft_read_edited_and_sent_back_is_saved_once_and_an_older_copy_is_refused_then_the_life_cycle_runs_over_http()
    {
        var api = world.Client(world.LeadToken);
        var id = await DraftAsync();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/studies/{id}", Ct);
        var setup = JsonNode.Parse(detail.GetProperty("setup").GetRawText())!.AsObject();
        setup["name"] = "Renamed over HTTP";
        var body = new StringContent(setup.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var saved = await api.PutAsync($"/api/v1/studies/{id}", body, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Renamed over HTTP", (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary").GetProperty("name").GetString());

        // The same copy again: its version is now an old one.
        var stale = await api.PutAsync($"/api/v1/studies/{id}", new StringContent(setup.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("since you opened it", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        async Task<string> StateAfterAsync(string action, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await api.PostAsync($"/api/v1/studies/{id}/{action}", null, Ct);
            Assert.Equal(expected, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return expected == HttpStatusCode.OK ? json.GetProperty("summary").GetProperty("state").GetString()! : json.GetProperty("detail").GetString()!;
        }
        Assert.Equal("Open", await StateAfterAsync("start"));
        Assert.Equal("Paused", await StateAfterAsync("pause"));
        Assert.Equal("Open", await StateAfterAsync("reopen"));

        string rater3;
        await using (var admin = world.Study.As(StudioFactory.AdminUserName, Roles.Admin))
            rater3 = (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().ListAsync(Ct)).Single(u => u.UserName == "rater3").Id;
        var added = await api.PostAsJsonAsync($"/api/v1/studies/{id}/raters", new { raterIds = new[] { rater3 } }, Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(3, (await added.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary").GetProperty("raterCount").GetInt32());

        Assert.Equal("Closed", await StateAfterAsync("close"));
        Assert.StartsWith("This study was closed by lead", await StateAfterAsync("reopen", HttpStatusCode.Conflict));

        var clone = await api.PostAsync($"/api/v1/studies/{id}/clone", null, Ct);
        Assert.Equal(HttpStatusCode.Created, clone.StatusCode);
        var copy = (await clone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary");
        Assert.Equal(("Draft", 3), (copy.GetProperty("state").GetString(), copy.GetProperty("raterCount").GetInt32()));
    }

    [Fact]
    public async Task A_study_belongs_to_its_leads_another_leads_token_gets_404_until_the_owner_shares_it()
    {
        var id = await DraftAsync();
        var owner = world.Client(world.LeadToken);
        var other = world.Client(await world.TokenAsync("lena", Roles.Lead));

        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/studies", Ct);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetInt32() == id);
        foreach (var (method, path) in new[] { ("GET", ""), ("GET", "/ratings.csv"), ("GET", "/ratings"), ("GET", "/statistics"), ("POST", "/start"), ("POST", "/close"), ("POST", "/clone") })
        {
            var response = await other.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/studies/{id}{path}"), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
            Assert.Equal("No such study.", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        }
        var rename = await other.PutAsJsonAsync($"/api/v1/studies/{id}", world.Study.Setup(), Json, Ct);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);

        var options = await owner.GetFromJsonAsync<StudySetupOptions>("/api/v1/studies/setup-options", Json, Ct);
        var lena = options!.Leads.Single(l => l.UserName == "lena").Id;
        var shared = await owner.PutAsJsonAsync($"/api/v1/studies/{id}/leads", new { leadIds = new[] { lena } }, Ct);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var summary = (await shared.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("summary");
        Assert.Equal(("lead", "lena"), (summary.GetProperty("owner").GetString(), Assert.Single(summary.GetProperty("coLeads").EnumerateArray().ToList()).GetString()));

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/v1/studies/{id}", Ct)).StatusCode);
        var reshare = await other.PutAsJsonAsync($"/api/v1/studies/{id}/leads", new { leadIds = Array.Empty<string>() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, reshare.StatusCode);
        var notALead = await owner.PutAsJsonAsync($"/api/v1/studies/{id}/leads", new { leadIds = new[] { world.Study.Rater1Id } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notALead.StatusCode);
        Assert.True((await notALead.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("leadIds", out _));
        // Based on the version before the share: 409, and the share stands.
        var stale = await owner.PutAsJsonAsync($"/api/v1/studies/{id}/leads?expectedVersion={summary.GetProperty("version").GetInt32() - 1}", new { leadIds = Array.Empty<string>() }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/v1/studies/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_acts_with_its_owners_roles_as_they_are_now()
    {
        var token = await world.TokenAsync("promoted", Roles.Lead);
        var api = world.Client(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/users", Ct)).StatusCode);
        world.Study.As("promoted", Roles.Admin).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users", Ct)).StatusCode);
        world.Study.As("promoted", Roles.Rater).Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/studies", Ct)).StatusCode);
    }

    private async Task<int> DraftAsync()
    {
        await using var lead = world.Study.As("lead", Roles.Lead);
        var (result, id) = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(world.Study.Setup());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return id;
    }
}
