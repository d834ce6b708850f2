using System.Text.Json;
using MelanoGans.Server.Configuration;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Storage;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Models;

/// <summary>
/// Registered generators on disk: <c>&lt;data&gt;/models/&lt;sha256&gt;/generator.onnx</c> and <c>generator.json</c>,
/// the two files exactly as they were accepted.
/// </summary>
public sealed class ModelFiles(IOptions<StudioOptions> options)
{
    private string DataDirectory => options.Value.DataDirectoryFullPath;

    /// <summary>Where a model's ONNX file goes, relative to the data directory.</summary>
    public static string RelativeOnnxPath(string sha256) => Path.Combine("models", sha256, GeneratorManifest.OnnxFileName);

    public string FullPath(string relativePath) => Path.Combine(DataDirectory, relativePath);

    /// <summary>
    /// Writes both files with <see cref="AtomicFile"/>, the manifest first: whoever sees <c>generator.onnx</c> (the
    /// path the database row names) sees both files whole. Two instances registering the same model at once, or a
    /// registration that crashed before its database row, leave the same bytes (the folder is the sha256).
    /// </summary>
    public async Task<string> WriteAsync(string sha256, byte[] onnx, byte[] manifestJson, CancellationToken ct)
    {
        var relative = RelativeOnnxPath(sha256);
        var folder = Path.GetDirectoryName(FullPath(relative))!;
        await AtomicFile.WriteAllBytesAsync(Path.Combine(folder, GeneratorManifest.FileName), manifestJson, ct);
        await AtomicFile.WriteAllBytesAsync(Path.Combine(folder, GeneratorManifest.OnnxFileName), onnx, ct);
        return relative;
    }

    /// <summary>The session cache's view of a registered model.</summary>
    public GeneratorSpec SpecOf(GeneratorModel model) => new(
        model.Sha256,
        FullPath(model.OnnxPath),
        JsonSerializer.Deserialize<List<GeneratorInput>>(model.InputsJson) ?? [],
        model.Output,
        model.Resolution);
}
