using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Export;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// A generator of one of the study's architectures. <c>forward</c> takes one tensor per latent input
/// (<see cref="Latents"/>) and returns the image pyramid, coarse to fine; the last image is the output.
/// DCGAN's pyramid has one level.
/// </summary>
public abstract class GanGenerator : nn.Module<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>>
{
    protected GanGenerator(string name, NetworkSpec spec)
        : base(name)
    {
        Spec = spec;
    }

    /// <summary>The shapes this generator was built for.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>The latent inputs in call order, with their shapes without the batch dimension.</summary>
    public abstract IReadOnlyList<GeneratorInput> Latents { get; }

    /// <summary>Draws standard normal latents for <paramref name="count"/> images from <paramref name="generator"/>.</summary>
    public IReadOnlyList<Tensor> SampleLatents(long count, Generator generator, Device? device = null) =>
        Latents.Select(input => randn([count, .. input.Shape.Select(d => (long)d)], generator: generator, device: device)).ToArray();

    /// <summary>The finest image of the pyramid, N x 3 x R x R in [-1, 1] (up to the residual sums of LAPGAN).</summary>
    public Tensor Generate(IReadOnlyList<Tensor> latents) => call(latents)[^1];

    /// <summary>Adds this generator's inference graph (eval mode, final image only) to <paramref name="graph"/>.</summary>
    /// <returns>The name of the output value.</returns>
    internal abstract string ExportOnnx(OnnxGraphBuilder graph, IReadOnlyList<string> inputs);
}
