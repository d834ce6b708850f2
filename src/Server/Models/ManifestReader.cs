using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Server.Models;

/// <summary>Parses <c>generator.json</c> and checks what can be checked without the ONNX file.</summary>
public static class ManifestReader
{
    public const int MinResolution = 8;
    public const int MaxResolution = 1024;

    /// <summary>The manifest, or null and the reasons it is unusable.</summary>
    public static (GeneratorManifest? Manifest, IReadOnlyList<string> Errors) Parse(byte[] json)
    {
        GeneratorManifest? manifest;
        try
        {
            manifest = GeneratorManifest.Parse(json);
        }
        catch (JsonException e)
        {
            // The parser's own message names .NET types ("System.Int32"); the reader gets the place and what is wrong.
            var where = e.Path is { Length: > 1 } path ? $"'{path.TrimStart('$', '.')}' has a value of the wrong type or format" : "it is not a JSON object";
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            return (null, [$"generator.json is not a generator manifest: {where}{line}."]);
        }
        if (manifest is null) return (null, ["generator.json is empty (null)."]);

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(manifest.Architecture)) errors.Add("The manifest names no architecture.");
        if (manifest.Resolution is < MinResolution or > MaxResolution || (manifest.Resolution & (manifest.Resolution - 1)) != 0)
            errors.Add($"The manifest's resolution {manifest.Resolution} is not a power of two from {MinResolution} to {MaxResolution}.");
        if (manifest.Inputs is null || manifest.Inputs.Count == 0) errors.Add("The manifest declares no latent inputs.");
        foreach (var input in manifest.Inputs ?? [])
        {
            if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("A latent input has no name.");
            if (input.Shape is null || input.Shape.Count == 0 || input.Shape.Any(d => d <= 0))
                errors.Add($"Latent input {input.Name} has no valid shape (positive sizes without the batch dimension).");
        }
        if (manifest.Inputs is { Count: > 0 } && manifest.Inputs.Select(i => i.Name).Distinct().Count() != manifest.Inputs.Count)
            errors.Add("The manifest declares the same input twice.");
        if (string.IsNullOrWhiteSpace(manifest.Output)) errors.Add("The manifest names no output.");
        if (!ContentAddress.IsSha256Hex(manifest.Sha256)) errors.Add("The manifest's sha256 is not 64 lower-case hex digits.");
        return errors.Count == 0 ? (manifest, []) : (null, errors);
    }

    /// <summary>The dataset as people name it: the last part of the trainer's path.</summary>
    public static string DatasetName(string dataset)
    {
        var trimmed = dataset.TrimEnd('/', '\\');
        var name = Path.GetFileName(trimmed);
        return string.IsNullOrEmpty(name) ? dataset : name;
    }

    /// <summary>"z [64]" or "z0 [64], z1 [1, 64, 64]".</summary>
    public static string DescribeInputs(IEnumerable<GeneratorInput> inputs) =>
        string.Join(", ", inputs.Select(i => $"{i.Name} [{string.Join(", ", i.Shape)}]"));
}
