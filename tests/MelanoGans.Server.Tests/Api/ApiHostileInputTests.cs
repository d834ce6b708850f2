using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MelanoGans.Server.Tests.Api;

/// <summary>
/// Every operation of the OpenAPI document against a shared catalogue of hostile inputs (ids that are no ids, query
/// values out of range, and for each field of a valid body: nulls in lists, overflowing and non-finite numbers,
/// undefined enum values, NUL and text-direction characters, 100 KB strings; for the body as a whole: duplicate
/// keys, unknown and server-set fields, 10 MB, cut short, the wrong content type). Each must be a 4xx problem
/// document, and the server must log no error.
/// </summary>
public sealed class ApiHostileInputTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] HostileIds = ["0", "-1", "2147483648", "99999999999999999999", "1e309", "abc"];

    private static readonly string[] HostileQueries = ["0", "-1", "2147483648", "1e309", "NaN", "abc", "%00"];

    /// <summary>Replacements for a field, by the kind of its valid value.</summary>
    private static IEnumerable<(string Name, JsonNode? Value)> HostileValues(JsonNode? valid) => valid?.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => [("wrong type", "yes")],
        JsonValueKind.Number when IsWhole(valid) =>
        [
            ("past Int64", JsonNode.Parse("9223372036854775808")), ("1e309", JsonNode.Parse("1e309")), ("fraction", 1.5),
            ("NaN", "NaN"), ("wrong type", "seven"),
        ],
        JsonValueKind.Number => [("1e309", JsonNode.Parse("1e309")), ("-1e309", JsonNode.Parse("-1e309")), ("NaN", "NaN"), ("Infinity", "Infinity")],
        JsonValueKind.String => [("NUL", "a\u0000b"), ("RTL override", "lead\u202Egnp.exe"), ("100 KB", new string('x', 100_000)), ("wrong type", 12)],
        JsonValueKind.Array => [("null in list", new JsonArray((JsonNode?)null)), ("wrong type", "list")],
        JsonValueKind.Object => [("wrong type", 3)],
        _ => [],
    };

    private static bool IsWhole(JsonNode number) => !number.ToJsonString().Any(c => c is '.' or 'e' or 'E');

    /// <summary>A valid body per operation with one: the hostile values replace its fields one at a time.</summary>
    private async Task<Dictionary<string, JsonObject>> ValidBodiesAsync()
    {
        await using var lead = world.Study.As("lead", Roles.Lead);
        var options = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetSetupOptionsAsync(Ct);
        var setup = new JsonObject
        {
            ["name"] = "Hostile", ["realDatasetId"] = world.Study.DatasetId, ["realCount"] = 2, ["presentationSize"] = 48,
            ["pools"] = new JsonArray(new JsonObject { ["poolId"] = world.Study.PoolId, ["count"] = 2 }),
            ["raterIds"] = new JsonArray(world.Study.Rater1Id), ["repeatShare"] = 0.1, ["mode"] = "untimed", ["artifactTags"] = new JsonArray("Blur"),
        };
        return new()
        {
            ["CreateStudy"] = setup,
            ["UpdateStudy"] = (JsonObject)setup.DeepClone(),
            ["AddStudyRaters"] = new() { ["raterIds"] = new JsonArray(options.Raters.Single(r => r.UserName == "rater3").Id) },
            ["SetStudyCoLeads"] = new() { ["leadIds"] = new JsonArray() },
            ["StartDatasetImport"] = new() { ["name"] = "Hostile import", ["format"] = "Isic", ["folder"] = "none", ["csvFile"] = "truth.csv", ["resolution"] = 64 },
            ["GeneratePool"] = new() { ["count"] = 2, ["seed"] = 7, ["truncation"] = 0.7, ["poolName"] = "Hostile pool" },
            ["StartTrainingJob"] = new() { ["datasetId"] = world.Study.DatasetId, ["architecture"] = "dcgan", ["resolution"] = 32, ["lr"] = 0.0002, ["r1"] = 0.5, ["epochs"] = 1 },
        };
    }

    [Fact]
    public async Task Every_operation_answers_every_hostile_input_with_a_4xx_problem_and_logs_no_error()
    {
        var errors = new ErrorLog();
        // Hundreds of requests from one token in a minute: the token's limit would answer 429s, which prove nothing here.
        await using var factory = world.Factory.WithWebHostBuilder(b => b
            .UseSetting("Studio:Api:PermitsPerTokenPerMinute", "1000000")
            .ConfigureLogging(l => l.AddProvider(errors)));
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!;
        var bodies = await ValidBodiesAsync();
        var draft = await DraftAsync();
        var open = await world.Study.StartedStudyAsync();
        var failures = new List<string>();
        var cases = 0;

        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = operation!["operationId"]?.GetValue<string>() ?? $"{method} {template}";
                var parameters = operation["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList() ?? [];
                var studyId = name is "UpdateStudy" or "SetStudyCoLeads" ? draft : open;
                string Url(string? id = null, string? query = null) =>
                    template.Replace("{id}", id ?? (template.StartsWith("/api/v1/studies", StringComparison.Ordinal) ? studyId.ToString() : "1"))
                        .Replace("{file}", "generator.json") + query;

                async Task ExpectAsync(string what, HttpRequestMessage request)
                {
                    cases++;
                    using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.AdminToken);
                    using var response = await client.SendAsync(request, Ct);
                    var status = (int)response.StatusCode;
                    var type = response.Content.Headers.ContentType?.MediaType;
                    if (status is < 400 or > 499 or 429 || type != "application/problem+json")
                        failures.Add($"{name} {what}: {status} {type} {Trim(await response.Content.ReadAsStringAsync(Ct))}");
                }

                var hasId = template.Contains("{id}", StringComparison.Ordinal);
                var isJson = operation["requestBody"]?["content"]?["application/json"] is not null;
                HttpRequestMessage Request(string url, HttpContent? content = null) => new(new HttpMethod(method.ToUpperInvariant()), url) { Content = content };
                HttpContent? ValidContent() => bodies.TryGetValue(name, out var valid) ? Json(valid.ToJsonString()) : isJson ? Json("{}") : null;

                if (hasId)
                {
                    foreach (var id in HostileIds) await ExpectAsync($"id={id}", Request(Url(id), ValidContent()));
                }
                foreach (var (parameter, _) in parameters.Where(p => p.In == "query"))
                {
                    foreach (var value in HostileQueries) await ExpectAsync($"?{parameter}={value}", Request(Url(query: $"?{parameter}={value}"), ValidContent()));
                }
                if (name == "UploadModel")
                {
                    await ExpectAsync("truncated multipart", Request(Url(), Multipart("--b\r\nContent-Disposition: form-data; name=\"onnx\"; filename=\"g.onnx\"\r\n\r\nabc", "b")));
                    await ExpectAsync("wrong boundary", Request(Url(), Multipart("--b\r\nContent-Disposition: form-data; name=\"onnx\"\r\n\r\nabc\r\n--b--\r\n", "other")));
                    await ExpectAsync("JSON instead of a form", Request(Url(), Json("{}")));
                }
                if (!isJson) continue;

                var body = bodies[name];
                foreach (var (field, valid) in body)
                {
                    var targets = valid is JsonArray { Count: > 0 } list && list[0] is JsonObject element
                        ? element.Select(p => ($"{field}[0].{p.Key}", p.Value, (Action<JsonObject, JsonNode?>)((copy, v) => copy[field]![0]![p.Key] = v)))
                        : [(field, valid, (copy, v) => copy[field] = v)];
                    foreach (var (path, value, set) in targets.Append((field, valid, (copy, v) => copy[field] = v)).DistinctBy(t => t.Item1 + t.Item2?.GetValueKind()))
                    {
                        foreach (var (hostile, replacement) in HostileValues(value))
                        {
                            var copy = (JsonObject)body.DeepClone();
                            set(copy, replacement?.DeepClone());
                            await ExpectAsync($"{path}: {hostile}", Request(Url(), Json(copy.ToJsonString())));
                        }
                    }
                }
                var first = body.First();
                var text = body.ToJsonString();
                await ExpectAsync("duplicate key", Request(Url(), Json(text.TrimEnd('}') + $",\"{first.Key}\":{first.Value!.ToJsonString()}}}")));
                await ExpectAsync("unknown field", Request(Url(), Json(text.TrimEnd('}') + ",\"zzz\":1}")));
                await ExpectAsync("server-set field", Request(Url(), Json(text.TrimEnd('}') + ",\"kind\":\"Metrics\"}")));
                await ExpectAsync("cut short", Request(Url(), Json(text[..(text.Length / 2)])));
                await ExpectAsync("10 MB", Request(Url(), Json(text.TrimEnd('}') + $",\"pad\":\"{new string('x', 10 * 1024 * 1024)}\"}}")));
                await ExpectAsync("text/plain", Request(Url(), new StringContent(text, Encoding.UTF8, "text/plain")));
                await ExpectAsync("no body", Request(Url()));

                // The valid body itself is accepted (after the hostile ones, which changed nothing): the refusals above
                // were for the hostile value, not for a body that could never pass. The import's folder does not exist.
                if (name == "StartDatasetImport") continue;
                using var accepting = factory.CreateClient();
                accepting.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.AdminToken);
                using var accepted = await accepting.SendAsync(Request(Url(), Json(text)), Ct);
                if (!accepted.IsSuccessStatusCode) failures.Add($"{name} valid body: {(int)accepted.StatusCode} {Trim(await accepted.Content.ReadAsStringAsync(Ct))}");
            }
        }

        Assert.True(cases > 300, $"only {cases} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} answers were not 4xx problems:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(errors.Messages.IsEmpty, "the server logged errors:\n" + string.Join("\n", errors.Messages.Take(10)));
    }

    private async Task<int> DraftAsync()
    {
        await using var lead = world.Study.As("lead", Roles.Lead);
        var (result, id) = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(world.Study.Setup());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return id;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Multipart(string text, string boundary)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static string Trim(string text) => text.Length > 200 ? text[..200] : text;

    /// <summary>Errors the server logs (an unhandled exception is logged at Error by the exception handler).</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error) log.Messages.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
            }
        }
    }
}
