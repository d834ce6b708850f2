using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>One latent input of an exported generator.</summary>
/// <param name="Name">Input name in the ONNX graph (z, or z0, z1, ... for one input per pyramid level).</param>
/// <param name="Shape">Shape without the batch dimension, e.g. [64] or [1, 64, 64]; the graph adds a dynamic batch N in front.</param>
public sealed record GeneratorInput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] IReadOnlyList<int> Shape);
