using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Tests.Training;

/// <summary>
/// Test double of the model registry (the real one arrives with the models feature on another branch):
/// records what the training feature hands over and checks the manifest's sha256, as the registry does.
/// </summary>
public sealed class RecordingModelRegistry : IModelRegistry
{
    public ConcurrentQueue<(byte[] Onnx, GeneratorManifest Manifest, string Origin)> Registered { get; } = new();

    public Task<ModelRegistration> RegisterAsync(byte[] onnx, byte[] manifestJson, string origin, int? trainingDatasetId = null, CancellationToken ct = default)
    {
        var manifest = JsonSerializer.Deserialize<GeneratorManifest>(manifestJson);
        if (manifest is null) return Task.FromResult(new ModelRegistration(null, ["The manifest is empty."]));
        if (manifest.Sha256 != Convert.ToHexStringLower(SHA256.HashData(onnx)))
            return Task.FromResult(new ModelRegistration(null, ["The manifest's sha256 does not match the ONNX file."]));
        Registered.Enqueue((onnx, manifest, origin));
        return Task.FromResult(new ModelRegistration(Registered.Count, []));
    }
}
