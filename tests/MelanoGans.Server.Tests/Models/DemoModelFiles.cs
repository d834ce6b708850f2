using System.Text.Json;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Tests.Models;

/// <summary>The shipped demo generator (copied beside the test binaries by the server's build) and altered copies of it.</summary>
public static class DemoModelFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models", "demo");

    public static byte[] Onnx => File.ReadAllBytes(Path.Combine(Folder, GeneratorManifest.OnnxFileName));

    public static byte[] ManifestJson => File.ReadAllBytes(Path.Combine(Folder, GeneratorManifest.FileName));

    public static GeneratorManifest Manifest => JsonSerializer.Deserialize<GeneratorManifest>(ManifestJson)!;

    /// <summary>The demo's manifest changed by <paramref name="change"/>, as generator.json bytes.</summary>
    public static byte[] ManifestWith(Func<GeneratorManifest, GeneratorManifest> change) =>
        JsonSerializer.SerializeToUtf8Bytes(change(Manifest));
}
