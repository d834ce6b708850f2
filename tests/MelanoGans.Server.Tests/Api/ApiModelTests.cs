using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Metrics;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Models;
using MelanoGans.Shared.Imaging;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Api;

/// <summary>A pipeline's use of the models API: register an exported generator, download it, generate a pool from it.</summary>
public sealed class ApiModelTests(ApiWorld world) : IClassFixture<ApiWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_uploads_a_generator_downloads_its_files_and_generates_a_pool_from_it()
    {
        var api = world.Client(world.AdminToken);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(DemoModelFiles.Onnx), "onnx", "generator.onnx" },
            { new ByteArrayContent(DemoModelFiles.ManifestJson), "manifest", "generator.json" },
        };
        var uploaded = await api.PostAsync("/api/v1/models", form, Ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var model = await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(ContentAddress.Sha256Hex(DemoModelFiles.Onnx), model.GetProperty("sha256").GetString());
        var id = model.GetProperty("id").GetInt32();

        Assert.Equal(DemoModelFiles.Onnx, await api.GetByteArrayAsync($"/api/v1/models/{id}/files/generator.onnx", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/models/{id}/files/secrets.txt", Ct)).StatusCode);

        var generate = await api.PostAsJsonAsync($"/api/v1/models/{id}/generate", new { count = 4, seed = 7, poolName = "api pool" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, generate.StatusCode);
        var poolId = (await generate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var pool = await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/pools?modelId={id}", Ct)).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == poolId),
            p => p.GetProperty("state").GetString() is "Succeeded" or "Failed", TimeSpan.FromSeconds(120), "the pool");
        Assert.Equal(("Succeeded", 4), (pool.GetProperty("state").GetString(), pool.GetProperty("imageCount").GetInt32()));
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/models/{id}", Ct);
        Assert.Contains(detail.GetProperty("pools").EnumerateArray(), p => p.GetProperty("id").GetInt32() == poolId);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("metrics").ValueKind);

        // A metrics job's result (stored as the job stores it) appears on the detail.
        await using (var scope = world.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            db.ModelMetrics.Add(new ModelMetricsRecord
            {
                ModelId = id, Dataset = "phantom", Extractor = "resnet18", RealCount = 12, FakeCount = 12, Fd = 123.5, Kid = 2.5,
                Precision = 0.5, Recall = 0.25, ClosestJson = "[]",
            });
            await db.SaveChangesAsync(Ct);
        }
        var measured = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/models/{id}", Ct)).GetProperty("metrics");
        Assert.Equal((123.5, "resnet18", true), (measured.GetProperty("fd").GetDouble(), measured.GetProperty("extractor").GetString(), measured.GetProperty("smallSample").GetBoolean()));
    }

    [Fact]
    public async Task A_multipart_body_cut_short_or_with_a_wrong_boundary_is_a_400_not_a_crash()
    {
        // Issue 25: the form reader's IOException was a 500.
        var api = world.Client(world.AdminToken);
        foreach (var (body, boundary) in new[]
                 {
                     ("--b\r\nContent-Disposition: form-data; name=\"onnx\"; filename=\"g.onnx\"\r\n\r\nabc", "b"),
                     ("--b\r\nContent-Disposition: form-data; name=\"onnx\"; filename=\"g.onnx\"\r\n\r\nabc\r\n--b--\r\n", "other"),
                 })
        {
            var content = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
            var response = await api.PostAsync("/api/v1/models", content, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_upload_without_its_manifest_or_with_a_broken_one_is_a_400()
    {
        var api = world.Client(world.AdminToken);
        using var onlyOnnx = new MultipartFormDataContent { { new ByteArrayContent(DemoModelFiles.Onnx), "onnx", "generator.onnx" } };
        var missing = await api.PostAsync("/api/v1/models", onlyOnnx, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("manifest", out _));

        using var broken = new MultipartFormDataContent
        {
            { new ByteArrayContent(DemoModelFiles.Onnx), "onnx", "generator.onnx" },
            { new ByteArrayContent("{\"architecture\":"u8.ToArray()), "manifest", "generator.json" },
        };
        var refused = await api.PostAsync("/api/v1/models", broken, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!);

        // A lead's token is refused before the body is read.
        using var again = new MultipartFormDataContent { { new ByteArrayContent(DemoModelFiles.Onnx), "onnx", "generator.onnx" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(world.LeadToken).PostAsync("/api/v1/models", again, Ct)).StatusCode);
    }
}
