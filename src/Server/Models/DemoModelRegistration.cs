using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Models;

/// <summary>
/// Registers the shipped demo generator (origin "demo") before the server takes requests, so a fresh
/// checkout has a model to generate from. Runs on every start; the registry makes it a no-op once done.
/// A broken demo is logged, never fatal: the studio works without it. On the first start it also queues the
/// <see cref="PoolName"/> from the demo (<see cref="ModelOptions.DemoPoolCount"/> images), so "New study" has a source.
/// </summary>
internal sealed class DemoModelRegistration(
    IModelRegistry registry,
    GenerationJobs generation,
    IPoolReader pools,
    IOptions<ModelOptions> options,
    ILogger<DemoModelRegistration> logger) : IHostedService
{
    public const string Origin = "demo";

    /// <summary>The pool generated from the demo on the first start.</summary>
    public const string PoolName = "Demo pool";

    /// <summary>The demo pool's seed: every fresh studio shows the same images.</summary>
    public const long PoolSeed = 1;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RegisterDemo) return;
        var folder = options.Value.DemoDirectoryFullPath;
        var onnxPath = Path.Combine(folder, GeneratorManifest.OnnxFileName);
        var manifestPath = Path.Combine(folder, GeneratorManifest.FileName);
        if (!File.Exists(onnxPath) || !File.Exists(manifestPath))
        {
            logger.LogWarning("No demo generator in {Folder}; the models page starts empty", folder);
            return;
        }
        var result = await registry.RegisterAsync(
            await File.ReadAllBytesAsync(onnxPath, cancellationToken),
            await File.ReadAllBytesAsync(manifestPath, cancellationToken),
            Origin,
            ct: cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogError("The demo generator in {Folder} was refused: {Errors}", folder, string.Join(" ", result.Errors));
            return;
        }

        await StartDemoPoolAsync(result.ModelId!.Value, cancellationToken);
    }

    private async Task StartDemoPoolAsync(int modelId, CancellationToken ct)
    {
        if (options.Value.DemoPoolCount <= 0) return;
        if (await pools.ExistsAsync(modelId, PoolName, ct)) return;

        try
        {
            var (started, _) = await generation.StartAsync(new GenerationRequest(modelId, options.Value.DemoPoolCount, PoolSeed, null, PoolName), ct);
            if (!started.Succeeded) logger.LogWarning("The demo pool was not started: {Errors}", string.Join(" ", started.Errors));
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time queued it first (the pool name is unique).
            logger.LogInformation("The demo pool was queued by another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
