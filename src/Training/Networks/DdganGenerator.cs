using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// DDGAN, the study's LAPGAN modification: one latent z for the whole pyramid. A DCGAN trunk makes 32x32
/// features; every finer level upsamples the features (fixed bilinear + 3x3 conv, or a learned 4x4 transposed
/// conv) and refines them; every level has its own 1x1 toRGB so that each scale's image can be judged.
/// </summary>
public sealed class DdganGenerator : GanGenerator
{
    private readonly Sequential trunk;
    private readonly ModuleList<Sequential> levels;
    private readonly ModuleList<Sequential> toRgb;

    public DdganGenerator(NetworkSpec spec)
        : base(nameof(DdganGenerator), spec)
    {
        if (spec.Architecture is not (GanArchitecture.DdganUpsample or GanArchitecture.DdganDeconv))
        {
            throw new ArgumentException("DdganGenerator needs a ddgan-upsample or ddgan-deconv spec");
        }

        trunk = BuildTrunk(spec);
        var sizes = spec.LevelSizes;
        levels = new ModuleList<Sequential>(sizes.Skip(1).Select(size => BuildLevel(spec, size)).ToArray());
        toRgb = new ModuleList<Sequential>(sizes.Select(size => nn.Sequential(
            // c x S x S -> 3 x S x S in [-1, 1]
            ("conv", Layers.ToRgb(Channels(spec, size))),
            ("tanh", Layers.Tanh()))).ToArray());
        RegisterComponents();
    }

    public override IReadOnlyList<GeneratorInput> Latents => [new("z", [Spec.Latent])];

    public override IReadOnlyList<Tensor> forward(IReadOnlyList<Tensor> input)
    {
        var z = input[0];
        var features = trunk.call(z.view(z.shape[0], Spec.Latent, 1, 1));
        var pyramid = new List<Tensor> { toRgb[0].call(features) };
        for (var k = 0; k < levels.Count; k++)
        {
            features = levels[k].call(features);
            pyramid.Add(toRgb[k + 1].call(features));
        }

        return pyramid;
    }

    internal override string ExportOnnx(OnnxGraphBuilder graph, IReadOnlyList<string> inputs)
    {
        // Only the finest image leaves the graph, so only the last toRGB is exported.
        var features = graph.Sequential(trunk, graph.Reshape(inputs[0], [-1, Spec.Latent, 1, 1]), "trunk");
        for (var k = 0; k < levels.Count; k++)
        {
            features = graph.Sequential(levels[k], features, $"level{k + 1}");
        }

        return graph.Sequential(toRgb[levels.Count], features, $"to_rgb{levels.Count}");
    }

    /// <summary>Feature channels at side S: the trunk ends with width channels at 32; finer levels as <see cref="NetworkSpec.LevelChannels"/>.</summary>
    private static int Channels(NetworkSpec spec, int size) =>
        size == NetworkSpec.PyramidBase ? spec.Width : spec.LevelChannels(size);

    /// <summary>z -> 32x32 features; at width 64: 256x4x4, 128x8x8, 64x16x16, 64x32x32.</summary>
    private static Sequential BuildTrunk(NetworkSpec spec)
    {
        const int Base = NetworkSpec.PyramidBase;
        var channels = spec.GeneratorChannels(4, Base);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            // latent x 1 x 1 -> (ngf*4) x 4 x 4
            ("project", nn.ConvTranspose2d(spec.Latent, channels, kernel_size: 4, stride: 1, padding: 0, bias: false)),
            ("project_bn", Layers.Norm(channels)),
            ("project_relu", Layers.Relu()),
        };

        // c x s x s -> c' x 2s x 2s up to 32x32; the last block keeps ngf channels instead of going to RGB.
        for (var size = 8; size <= Base; size *= 2)
        {
            var next = size == Base ? spec.Width : spec.GeneratorChannels(size, Base);
            layers.Add(($"up{size}", Layers.Up2(channels, next)));
            layers.Add(($"up{size}_bn", Layers.Norm(next)));
            layers.Add(($"up{size}_relu", Layers.Relu()));
            channels = next;
        }

        return nn.Sequential(layers);
    }

    /// <summary>One level: c_prev x S/2 x S/2 -> c x S x S, upsampled then refined by a 3x3 conv block.</summary>
    private static Sequential BuildLevel(NetworkSpec spec, int size)
    {
        var input = Channels(spec, size / 2);
        var c = Channels(spec, size);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (spec.Architecture == GanArchitecture.DdganDeconv)
        {
            // Learned upsampling: c_prev x S/2 x S/2 -> c x S x S
            layers.Add(("deconv", Layers.Up2(input, c)));
        }
        else
        {
            // Fixed upsampling: c_prev x S/2 x S/2 -> c_prev x S x S -> c x S x S
            layers.Add(("upsample", Layers.Bilinear2()));
            layers.Add(("conv_up", Layers.Same3(input, c)));
        }

        layers.Add(("bn_up", Layers.Norm(c)));
        layers.Add(("relu_up", Layers.Relu()));
        // c x S x S
        layers.Add(("conv", Layers.Same3(c, c)));
        layers.Add(("bn", Layers.Norm(c)));
        layers.Add(("relu", Layers.Relu()));
        return nn.Sequential(layers);
    }
}
