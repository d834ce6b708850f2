using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// How to feed an ONNX feature network (docs/design.md, "Generator metrics"): the JSON manifest that makes any
/// extractor pluggable (<c>--extractor PATH</c>), and the built-in <c>resnet18</c>.
/// </summary>
/// <remarks>
/// Pixels reach the network as float planes (N x 3 x size x size): 8-bit values scaled so that full intensity is
/// <see cref="Scale"/>, in <see cref="Channels"/> order, then <c>(v - mean) / std</c> per channel when given.
/// An optional <see cref="Preprocess"/> graph (one input, one output) runs first, as the ResNet-18 package ships it.
/// </remarks>
public sealed record ExtractorManifest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The name every report shows, e.g. <c>resnet18</c> or <c>inception-v3</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The feature network's ONNX file, relative to the manifest.</summary>
    public required string Model { get; init; }

    /// <summary>An optional ONNX graph run before the network (one input, one output), relative to the manifest.</summary>
    public string? Preprocess { get; init; }

    /// <summary>The network's input name (after <see cref="Preprocess"/> when there is one).</summary>
    public required string Input { get; init; }

    /// <summary>The output holding the features (N x D, or N x D x 1 x 1 after global pooling).</summary>
    public required string Output { get; init; }

    /// <summary>The square input size in pixels; other images are resized bicubic on 8-bit RGB.</summary>
    public required int Size { get; init; }

    /// <summary>The value of a full-intensity channel: 255 for 0-255 inputs, 1 for 0-1.</summary>
    public double Scale { get; init; } = 255;

    /// <summary><c>rgb</c> or <c>bgr</c>: the order of the three input planes.</summary>
    public string Channels { get; init; } = "rgb";

    /// <summary>Per-channel mean subtracted after scaling (in <see cref="Channels"/> order), or none.</summary>
    public double[]? Mean { get; init; }

    /// <summary>Per-channel divisor applied after the mean, or none.</summary>
    public double[]? Std { get; init; }

    /// <summary>The folder the file names are relative to.</summary>
    [JsonIgnore]
    public string Directory { get; init; } = string.Empty;

    [JsonIgnore]
    public string ModelPath => Path.Combine(Directory, Model);

    [JsonIgnore]
    public string? PreprocessPath => Preprocess is null ? null : Path.Combine(Directory, Preprocess);

    /// <summary>The built-in extractor: the ImageNet ResNet-18 of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1.</summary>
    public static ExtractorManifest ResNet18(string directory) => new()
    {
        Name = "resnet18",
        Model = "ResNet18.onnx",
        Preprocess = "ResNetPreprocess.onnx",
        Input = "Input247",
        Output = "Pooling395_Output_0",
        Size = 224,
        Directory = directory,
    };

    /// <summary>Reads and checks a manifest file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid manifest; the message says which field.</exception>
    public static ExtractorManifest Load(string path)
    {
        ExtractorManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ExtractorManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid extractor manifest: {ex.Message}", ex);
        }

        return (manifest ?? throw new InvalidDataException($"{path} is empty"))
            with { Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))! };
    }

    /// <summary>Refuses values no network can use, naming the field.</summary>
    /// <exception cref="InvalidDataException">A field is out of range.</exception>
    public ExtractorManifest Validate()
    {
        if (Size is < 8 or > 1024) throw Invalid("size", $"{Size} is outside 8-1024");
        if (Scale is not (1 or 255)) throw Invalid("scale", $"{Scale} must be 1 or 255");
        if (Channels is not ("rgb" or "bgr")) throw Invalid("channels", $"'{Channels}' must be rgb or bgr");
        if (Mean is { Length: not 3 }) throw Invalid("mean", "needs three values");
        if (Std is { Length: not 3 } || (Std?.Any(s => s <= 0) ?? false)) throw Invalid("std", "needs three positive values");
        foreach (var file in new[] { ModelPath, PreprocessPath }.OfType<string>())
        {
            if (!File.Exists(file)) throw new InvalidDataException($"extractor {Name}: {file} not found");
        }

        return this;
    }

    private InvalidDataException Invalid(string field, string reason) => new($"extractor manifest of {Name}: {field} {reason}");
}
