using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text;
using System.Text.Json;

namespace MelanoGans.Server.Tests.Api;

/// <summary>Bodies and queries the API cannot use: a 400 problem whose <c>errors</c> name the field at fault.</summary>
public sealed class ApiBadInputTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadBodies { get; } = new()
    {
        { """{"name":"x","realCount":3,"nmae":"typo"}""", "nmae" },
        { """{"name":"x","realCount":"three"}""", "realCount" },
        { """{"name":"x","realCount":3.5}""", "realCount" },
        { """{"name":"x","pools":[{"poolId":1,"count":2,"weight":1}]}""", "pools[0].weight" },
        { """{"name":"x","pools":[{"poolId":1,"count":"many"}]}""", "pools[0].count" },
        { """{"name":"x","raterIds":null}""", "raterIds" },
        { """{"name":"x","realCount":99999999999}""", "realCount" },
        { """[1,2]""", "body" },
        { """{"name":""", "body" },
        { """{"name":"x",}""", "body" },
        { "null", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_study_body_with_an_unknown_field_a_wrong_type_or_no_object_is_a_400_naming_the_field(string body, string field)
    {
        var response = await world.Client(world.LeadToken).PostAsync("/api/v1/studies", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        await AssertNamesAsync(response, field);
    }

    [Fact]
    public async Task An_import_folder_with_a_control_character_is_refused_not_a_crash()
    {
        // Issue 25: Path.GetFullPath threw on the NUL (a 500).
        var body = """{"name":"nul","format":"Isic","folder":"a\u0000b","csvFile":"x.csv","resolution":64}""";
        var response = await world.Client(world.AdminToken).PostAsync("/api/v1/datasets/imports", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("control character", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        var huge = "{\"name\":\"" + new string('x', 70 * 1024) + "\"}";
        var response = await world.Client(world.LeadToken).PostAsync("/api/v1/studies", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);
        await AssertNamesAsync(response, "body");

        // Without a length up front (chunked) the reading stops at the limit too.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/studies") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await AssertNamesAsync(await world.Client(world.LeadToken).SendAsync(request, Ct), "body");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_an_unsupported_media_type()
    {
        var response = await world.Client(world.LeadToken).PostAsync("/api/v1/studies", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/studies?page=0", "page")]
    [InlineData("/api/v1/studies?page=abc", "page")]
    [InlineData("/api/v1/studies?pageSize=0", "pageSize")]
    [InlineData("/api/v1/studies?pageSize=201", "pageSize")]
    [InlineData("/api/v1/studies?pageSize=1e3", "pageSize")]
    [InlineData("/api/v1/datasets?page=99999999999", "page")]
    public async Task Out_of_range_or_malformed_paging_is_a_400_naming_the_parameter(string url, string field) =>
        await AssertNamesAsync(await world.Client(world.LeadToken).GetAsync(url, Ct), field);

    [Fact]
    public async Task A_start_with_a_malformed_expected_version_is_a_400_naming_it() =>
        await AssertNamesAsync(await world.Client(world.LeadToken).PostAsync("/api/v1/studies/1/start?expectedVersion=new", null, Ct), "expectedVersion");

    public static TheoryData<string, object, string> OutOfRange { get; } = new()
    {
        { "realCount", 500, "realCount" },
        { "realCount", -1, "realCount" },
        { "presentationSize", 5, "presentationSize" },
        { "repeatShare", 0.9, "repeatShare" },
        { "name", "", "name" },
        { "raterIds", new[] { "nobody" }, "raterIds" },
        // Issue 25: these crashed the server (500) or were accepted.
        { "pools", new object?[] { null }, "pools" },
        { "pools", new[] { new { poolId = 1, count = int.MaxValue }, new { poolId = 2, count = 1 } }, "pools" },
        { "artifactTags", new string?[] { null }, "artifactTags" },
        { "raterIds", new string?[] { null }, "raterIds" },
        { "realCount", int.MaxValue, "realCount" },
        { "mode", 99, "mode" },
        { "mode", -1, "mode" },
        { "name", "a\u0000b", "name" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Out_of_range_values_are_a_400_naming_the_field_with_the_set_up_forms_reason(string property, object value, string field)
    {
        var body = JsonSerializer.SerializeToNode(world.Study.Setup(), Web)!.AsObject();
        body[property] = JsonSerializer.SerializeToNode(value);
        body.Remove("fakeCount");
        var response = await world.Client(world.LeadToken).PostAsync("/api/v1/studies", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        await AssertNamesAsync(response, field);
    }

    [Fact]
    public async Task Paging_slices_the_list_and_reports_the_total()
    {
        for (var i = 0; i < 3; i++) await world.Study.StartedStudyAsync();
        var api = world.Client(world.LeadToken);
        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/studies?pageSize=200", Ct);
        var total = all.GetProperty("total").GetInt32();
        Assert.Equal(total, all.GetProperty("items").GetArrayLength());
        var second = await api.GetFromJsonAsync<JsonElement>("/api/v1/studies?page=2&pageSize=2", Ct);
        Assert.Equal((2, 2, total), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal(
            all.GetProperty("items").EnumerateArray().Skip(2).Take(2).Select(s => s.GetProperty("id").GetInt32()),
            second.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        var beyond = await api.GetFromJsonAsync<JsonElement>("/api/v1/studies?page=1000&pageSize=2", Ct);
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}': {body}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }
}
