using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// LAPGAN (Denton et al.) generator: a DCGAN base makes a 32x32 image from z0; every finer level k takes
/// the bilinearly upsampled coarser image plus its own noise plane z_k (1 x S x S, concatenated as a fourth
/// channel as in the LAPGAN paper) and outputs a residual; image_k = up(image_{k-1}) + residual_k.
/// </summary>
public sealed class LapganGenerator : GanGenerator
{
    private readonly DcganGenerator coarse;
    private readonly ModuleList<Sequential> levels;

    public LapganGenerator(NetworkSpec spec)
        : base(nameof(LapganGenerator), spec)
    {
        coarse = new DcganGenerator(spec, NetworkSpec.PyramidBase);
        levels = new ModuleList<Sequential>(spec.LevelSizes.Skip(1).Select(size => BuildLevel(spec, size)).ToArray());
        RegisterComponents();
    }

    public override IReadOnlyList<GeneratorInput> Latents =>
    [
        new("z0", [Spec.Latent]),
        .. Spec.LevelSizes.Skip(1).Select((size, k) => new GeneratorInput($"z{k + 1}", [1, size, size])),
    ];

    public override IReadOnlyList<Tensor> forward(IReadOnlyList<Tensor> input)
    {
        var image = coarse.call([input[0]])[0];
        var pyramid = new List<Tensor> { image };
        for (var k = 0; k < levels.Count; k++)
        {
            var up = Layers.Upsample2(image);
            var residual = levels[k].call(cat([up, input[k + 1]], 1));
            image = up + residual;
            pyramid.Add(image);
        }

        return pyramid;
    }

    internal override string ExportOnnx(OnnxGraphBuilder graph, IReadOnlyList<string> inputs)
    {
        var image = coarse.ExportOnnx(graph, [inputs[0]]);
        for (var k = 0; k < levels.Count; k++)
        {
            var up = graph.Upsample2(image);
            var residual = graph.Sequential(levels[k], graph.Concat([up, inputs[k + 1]], 1), $"level{k + 1}");
            image = graph.Add(up, residual);
        }

        return image;
    }

    /// <summary>Residual generator of one level (c = 64 at 64x64, 32 at 128, 16 at 256 for width 64).</summary>
    private static Sequential BuildLevel(NetworkSpec spec, int size)
    {
        var c = spec.LevelChannels(size);
        return nn.Sequential(
            // (3 + 1) x S x S: upsampled coarser image and the level's noise plane.
            ("conv1", Layers.Same3(4, c)),
            ("bn1", Layers.Norm(c)),
            ("relu1", Layers.Relu()),
            // c x S x S
            ("conv2", Layers.Same3(c, c)),
            ("bn2", Layers.Norm(c)),
            ("relu2", Layers.Relu()),
            // 3 x S x S residual; Tanh bounds it like the pixel range it corrects.
            ("to_residual", Layers.Same3(c, 3, bias: true)),
            ("tanh", Layers.Tanh()));
    }
}
