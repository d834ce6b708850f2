using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Models;

/// <summary>
/// Registers the shipped demo generator (origin "demo") before the server takes requests, so a fresh
/// checkout has a model to generate from. Runs on every start; the registry makes it a no-op once done.
/// A broken demo is logged, never fatal: the studio works without it.
/// </summary>
internal sealed class DemoModelRegistration(
    IModelRegistry registry,
    IOptions<ModelOptions> options,
    ILogger<DemoModelRegistration> logger) : IHostedService
{
    public const string Origin = "demo";

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
            cancellationToken);
        if (!result.Succeeded)
            logger.LogError("The demo generator in {Folder} was refused: {Errors}", folder, string.Join(" ", result.Errors));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
