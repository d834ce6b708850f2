using System.Text.Json;
using MelanoGans.Server.Configuration;
using MelanoGans.Server.Generation;
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

    /// <summary>Writes both files into a temporary folder and moves it into place, so no half model is ever seen.</summary>
    public async Task<string> WriteAsync(string sha256, byte[] onnx, byte[] manifestJson, CancellationToken ct)
    {
        var relative = RelativeOnnxPath(sha256);
        var folder = Path.GetDirectoryName(FullPath(relative))!;
        var temp = folder + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Directory.CreateDirectory(temp);
        await File.WriteAllBytesAsync(Path.Combine(temp, GeneratorManifest.OnnxFileName), onnx, ct);
        await File.WriteAllBytesAsync(Path.Combine(temp, GeneratorManifest.FileName), manifestJson, ct);
        // A folder left by a registration that crashed before its database row holds the same bytes (same sha256).
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.Move(temp, folder);
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
