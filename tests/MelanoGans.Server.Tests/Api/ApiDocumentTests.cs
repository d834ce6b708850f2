using System.Net;
using System.Text.Json;
using MelanoGans.Server.Tests.Infrastructure;

namespace MelanoGans.Server.Tests.Api;

/// <summary>The OpenAPI document describes every /api/v1 endpoint (and nothing else); the reference page serves it.</summary>
public sealed class ApiDocumentTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_lists_every_mapped_api_endpoint_with_its_schemas_and_nothing_else()
    {
        var response = await world.Client(null).GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");

        var described = new List<(string Method, string Path)>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                described.Add((operation.Name.ToUpperInvariant(), path.Name));
                var what = $"{operation.Name} {path.Name}";
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{what} has no summary");
                var responses = operation.Value.GetProperty("responses");
                foreach (var status in new[] { "401", "403" })
                    Assert.True(responses.TryGetProperty(status, out _), $"{what} does not describe {status}");
                var success = responses.EnumerateObject().Single(r => r.Name is "200" or "201" or "202");
                var content = success.Value.GetProperty("content");
                var schema = content.EnumerateObject().First().Value.GetProperty("schema");
                Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("type", out _), $"{what} has no response schema");
                if (schema.TryGetProperty("$ref", out var reference))
                    Assert.True(schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out _), $"{what}: {reference} is missing");
                if (operation.Name is "post" or "put" && operation.Value.TryGetProperty("requestBody", out var body))
                    Assert.True(body.GetProperty("content").EnumerateObject().Single().Value.GetProperty("schema").TryGetProperty("$ref", out _), $"{what}: body without schema");
            }
        }

        var mapped = ApiEndpointCatalog.Mapped(world.Factory.Services);
        Assert.Equal(mapped.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal),
            described.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal));
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("AccessToken").GetProperty("scheme").GetString());

        // Bodies are described as they are read: a study's set-up, the raters to add, the training form's options.
        foreach (var name in new[] { "StudySetup", "AddRatersRequest", "TrainingJobOptions", "StudyDetail", "PagedOfStudySummary", "ApiRatingRow", "ModelUploadForm", "GeneratePoolRequest", "DatasetImportRequest" })
            Assert.True(schemas.TryGetProperty(name, out _), $"no schema {name}");
        // The statistics are described with the snake_case names they are sent with.
        Assert.True(schemas.GetProperty("StudyReport").GetProperty("properties").TryGetProperty("rater_count", out _));
    }

    [Fact]
    public async Task The_reference_page_loads_its_own_scripts_under_a_nonce_and_other_pages_stay_strict()
    {
        var client = world.Client(null);
        var page = await client.GetAsync("/api/docs/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("openapi/v1.json", html);
        Assert.DoesNotContain("https://", html);
        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html);

        var again = await client.GetAsync("/api/docs/", Ct);
        Assert.DoesNotContain($"'nonce-{nonce}'", string.Join(" ", again.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self';", string.Join(" ", (await client.GetAsync("/account/login", Ct)).Headers.GetValues("Content-Security-Policy")));
    }
}
