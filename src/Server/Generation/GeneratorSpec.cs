using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Generation;

/// <summary>What a session needs to know about a generator: its file and the graph's declared interface.</summary>
/// <param name="Sha256">The ONNX file's content address; the session cache's key.</param>
/// <param name="OnnxPath">Absolute path of <c>generator.onnx</c>.</param>
/// <param name="Inputs">Latent inputs in graph order, shapes without the batch dimension.</param>
/// <param name="Output">Name of the image output (N x 3 x R x R).</param>
public sealed record GeneratorSpec(string Sha256, string OnnxPath, IReadOnlyList<GeneratorInput> Inputs, string Output, int Resolution)
{
    /// <summary>Latent values per image over all inputs.</summary>
    public int LatentSize => Inputs.Sum(i => i.Shape.Aggregate(1, (a, b) => a * b));

    /// <summary>Output values per image.</summary>
    public int ImageSize => 3 * Resolution * Resolution;
}
