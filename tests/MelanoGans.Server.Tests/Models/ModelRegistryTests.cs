using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Imaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Models;

/// <summary>The registry against the real demo generator, real ONNX Runtime and a real SQLite file.</summary>
public sealed class ModelRegistryTests : IAsyncLifetime
{
    private readonly StudioFactory _parent = new();
    private WebApplicationFactory<Program> _factory = default!;

    private IServiceProvider Services => _factory.Services;
    private IModelRegistry Registry => Services.GetRequiredService<IModelRegistry>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // No demo on start: these tests register it themselves and count what is stored.
        _factory = _parent.WithWebHostBuilder(b => b.UseSetting("Studio:Models:RegisterDemo", "false"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _parent.DisposeAsync();

    [Fact]
    public async Task Accepts_the_demo_generator_and_stores_files_row_and_samples()
    {
        var result = await Registry.RegisterAsync(DemoModelFiles.Onnx, DemoModelFiles.ManifestJson, "upload", ct: Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var model = await db.GeneratorModels.SingleAsync(m => m.Id == result.ModelId, Ct);
        var manifest = DemoModelFiles.Manifest;
        Assert.Equal(manifest.Sha256, model.Sha256);
        Assert.Equal(manifest.Resolution, model.Resolution);
        Assert.Equal(manifest.Architecture, model.Architecture);
        Assert.Equal("upload", model.Origin);
        var onnxPath = Path.Combine(_parent.DataDirectory, model.OnnxPath);
        Assert.Equal(Path.Combine(_parent.DataDirectory, "models", manifest.Sha256, "generator.onnx"), onnxPath);
        Assert.Equal(DemoModelFiles.Onnx, await File.ReadAllBytesAsync(onnxPath, Ct));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(onnxPath)!, "generator.json")));

        var store = Services.GetRequiredService<ImageStore>();
        var samples = model.SampleSha256s.Split(',');
        Assert.Equal(GeneratorValidator.SampleSeeds.Length, samples.Length);
        foreach (var sha in samples)
        {
            var image = ImageCodec.Decode(await store.ReadAsync(sha, Ct));
            Assert.Equal(manifest.Resolution, image.Width);
        }
        Assert.Equal(samples.Length, samples.Distinct().Count());
    }

    [Fact]
    public async Task Registering_the_same_file_again_returns_the_same_model()
    {
        var announced = new List<ModelRegistered>();
        using var listening = Services.GetRequiredService<IStudioEvents>().Subscribe<ModelRegistered>(announced.Add);
        var first = await Registry.RegisterAsync(DemoModelFiles.Onnx, DemoModelFiles.ManifestJson, "training job 1", ct: Ct);
        var second = await Registry.RegisterAsync(DemoModelFiles.Onnx, DemoModelFiles.ManifestJson, "training job 1", ct: Ct);
        // Open Models pages hear of the new model once, not of the retry.
        Assert.Equal(first.ModelId, Assert.Single(announced).ModelId);

        Assert.True(first.Succeeded);
        Assert.Equal(first.ModelId, second.ModelId);
        Assert.Equal(1, await CountModelsAsync());
    }

    [Fact]
    public async Task Two_instances_registering_one_file_at_once_make_one_row_and_both_get_it()
    {
        // A second instance on the same data directory and database, as two instances starting at once both register the demo.
        await using var other = new StudioFactory(new Dictionary<string, string>
        {
            ["Studio:DataDirectory"] = _parent.DataDirectory,
            ["Studio:Models:RegisterDemo"] = "false",
        });
        var registries = new[] { Registry, other.Services.GetRequiredService<IModelRegistry>() };

        var results = await Task.WhenAll(registries.Select(r =>
            Task.Run(() => r.RegisterAsync(DemoModelFiles.Onnx, DemoModelFiles.ManifestJson, "demo", ct: Ct), Ct)));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        Assert.Equal(results[0].ModelId, results[1].ModelId);
        Assert.Equal(1, await CountModelsAsync());
    }

    [Fact]
    public async Task A_registered_file_with_a_manifest_that_disagrees_is_still_refused()
    {
        var registered = await Registry.RegisterAsync(DemoModelFiles.Onnx, DemoModelFiles.ManifestJson, "demo", ct: Ct);
        var wrong = DemoModelFiles.ManifestWith(m => m with { Resolution = m.Resolution / 2 });
        var relabelled = DemoModelFiles.ManifestWith(m => m with { Step = m.Step + 1 });

        var refused = await Registry.RegisterAsync(DemoModelFiles.Onnx, wrong, "upload", ct: Ct);
        var other = await Registry.RegisterAsync(DemoModelFiles.Onnx, relabelled, "upload", ct: Ct);

        Assert.True(registered.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains("the manifest's resolution", StringComparison.Ordinal));
        Assert.Contains(other.Errors, e => e.Contains("already registered as", StringComparison.Ordinal));
        Assert.Equal(1, await CountModelsAsync());
    }

    [Fact]
    public async Task Refuses_a_corrupt_onnx_file()
    {
        var garbage = new byte[4096];
        new Random(5).NextBytes(garbage);
        var manifest = DemoModelFiles.ManifestWith(m => m with { Sha256 = ContentAddress.Sha256Hex(garbage) });

        var errors = await RefusedAsync(garbage, manifest);

        Assert.Contains(errors, e => e.Contains("not an ONNX model that ONNX Runtime can load", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_truncated_onnx_file()
    {
        var half = DemoModelFiles.Onnx[..(DemoModelFiles.Onnx.Length / 2)];
        var manifest = DemoModelFiles.ManifestWith(m => m with { Sha256 = ContentAddress.Sha256Hex(half) });

        var errors = await RefusedAsync(half, manifest);

        Assert.Contains(errors, e => e.Contains("not an ONNX model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_manifest_whose_sha256_does_not_match()
    {
        var manifest = DemoModelFiles.ManifestWith(m => m with { Sha256 = new string('a', 64) });

        var errors = await RefusedAsync(DemoModelFiles.Onnx, manifest);

        var error = Assert.Single(errors);
        Assert.Contains("sha256 (aaaaaaaaaaaa", error, StringComparison.Ordinal);
        Assert.Contains($"does not match generator.onnx ({DemoModelFiles.Manifest.Sha256[..12]}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_manifest_whose_resolution_disagrees_with_the_graph()
    {
        var resolution = DemoModelFiles.Manifest.Resolution;
        var manifest = DemoModelFiles.ManifestWith(m => m with { Resolution = resolution / 2 });

        var errors = await RefusedAsync(DemoModelFiles.Onnx, manifest);

        var error = Assert.Single(errors);
        Assert.Contains($"the graph gives [N, 3, {resolution}, {resolution}]", error, StringComparison.Ordinal);
        Assert.Contains($"resolution {resolution / 2} needs [N, 3, {resolution / 2}, {resolution / 2}]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_manifest_whose_input_shape_disagrees_with_the_graph()
    {
        var latent = DemoModelFiles.Manifest.Inputs[0].Shape[0];
        var manifest = DemoModelFiles.ManifestWith(m => m with { Inputs = [m.Inputs[0] with { Shape = [latent * 2] }] });

        var errors = await RefusedAsync(DemoModelFiles.Onnx, manifest);

        var error = Assert.Single(errors);
        Assert.Contains($"the graph expects [N, {latent}] but the manifest declares [N, {latent * 2}]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_manifest_whose_input_and_output_names_disagree_with_the_graph()
    {
        var manifest = DemoModelFiles.ManifestWith(m => m with { Inputs = [m.Inputs[0] with { Name = "noise" }], Output = "rgb" });

        var errors = await RefusedAsync(DemoModelFiles.Onnx, manifest);

        Assert.Contains(errors, e => e.Contains("but the manifest declares (noise)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("the manifest declares one output, rgb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_a_manifest_that_is_not_json()
    {
        var errors = await RefusedAsync(DemoModelFiles.Onnx, "{ not json"u8.ToArray());

        Assert.Contains(errors, e => e.StartsWith("generator.json is not a generator manifest", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> RefusedAsync(byte[] onnx, byte[] manifest)
    {
        var result = await Registry.RegisterAsync(onnx, manifest, "upload", ct: Ct);

        Assert.False(result.Succeeded);
        Assert.Null(result.ModelId);
        Assert.NotEmpty(result.Errors);
        // Nothing stored: no row, no model folder.
        Assert.Equal(0, await CountModelsAsync());
        var models = Path.Combine(_parent.DataDirectory, "models");
        Assert.True(!Directory.Exists(models) || Directory.GetFileSystemEntries(models).Length == 0);
        return result.Errors;
    }

    private async Task<int> CountModelsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudioDbContext>().GeneratorModels.CountAsync(Ct);
    }
}
