using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// <c>generator.json</c>, written next to <c>generator.onnx</c> by <c>melanogans export</c> and read by the
/// server's model registry. It says what the ONNX graph expects and where it came from.
/// </summary>
public sealed record GeneratorManifest
{
    /// <summary>File name of the manifest inside an export folder.</summary>
    public const string FileName = "generator.json";

    /// <summary>File name of the ONNX graph the manifest describes.</summary>
    public const string OnnxFileName = "generator.onnx";

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The one writer of <c>generator.json</c> (indented UTF-8), used by the exporter and nowhere else.</summary>
    public byte[] ToJson() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this, Indented);

    /// <summary>The one reader of <c>generator.json</c>; throws <see cref="System.Text.Json.JsonException"/> for what is no manifest.</summary>
    public static GeneratorManifest? Parse(ReadOnlySpan<byte> json) => System.Text.Json.JsonSerializer.Deserialize<GeneratorManifest>(json);

    /// <summary>Architecture name as given to <c>--arch</c>: dcgan, lapgan, ddgan-upsample or ddgan-deconv.</summary>
    [JsonPropertyName("architecture")]
    public required string Architecture { get; init; }

    /// <summary>Side of the square output image in pixels (a power of two from 32 to 256).</summary>
    [JsonPropertyName("resolution")]
    public required int Resolution { get; init; }

    /// <summary>Latent inputs in graph order. Every input is filled with standard normal noise.</summary>
    [JsonPropertyName("inputs")]
    public required IReadOnlyList<GeneratorInput> Inputs { get; init; }

    /// <summary>Name of the single graph output: images N x 3 x R x R in [-1, 1], RGB.</summary>
    [JsonPropertyName("output")]
    public required string Output { get; init; }

    /// <summary>The dataset the generator was trained on (the path or name given to <c>--dataset</c>).</summary>
    [JsonPropertyName("dataset")]
    public required string Dataset { get; init; }

    /// <summary>The class filter of the training run, or null when all images were used.</summary>
    [JsonPropertyName("class")]
    public string? Class { get; init; }

    /// <summary>The experiment test split left out of the training data; null when the generator saw every image of its class.</summary>
    [JsonPropertyName("held_out")]
    public HeldOutSplit? HeldOut { get; init; }

    /// <summary>Training step of the exported checkpoint.</summary>
    [JsonPropertyName("step")]
    public required long Step { get; init; }

    /// <summary>True when the exported weights are the exponential moving average of the generator.</summary>
    [JsonPropertyName("ema")]
    public bool Ema { get; init; }

    /// <summary>Lower-case hex SHA-256 of <c>generator.onnx</c>; the registry refuses a file that does not match.</summary>
    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }

    /// <summary>Largest absolute difference between TorchSharp and ONNX Runtime seen by the export's parity check.</summary>
    [JsonPropertyName("parity_max_abs_diff")]
    public double ParityMaxAbsDiff { get; init; }

    /// <summary>ONNX opset the graph uses.</summary>
    [JsonPropertyName("opset")]
    public int Opset { get; init; }
}
