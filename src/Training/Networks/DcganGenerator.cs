using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// DCGAN generator: z -> 4x4 projection -> transposed-conv blocks (BatchNorm, ReLU) doubling the side -> Tanh.
/// Also the base (32x32) generator of LAPGAN.
/// </summary>
public sealed class DcganGenerator : GanGenerator
{
    private readonly Sequential main;

    public DcganGenerator(NetworkSpec spec)
        : this(spec, spec.Resolution)
    {
    }

    internal DcganGenerator(NetworkSpec spec, int output)
        : base(nameof(DcganGenerator), spec)
    {
        main = Build(spec, output);
        RegisterComponents();
    }

    public override IReadOnlyList<GeneratorInput> Latents => [new("z", [Spec.Latent])];

    public override IReadOnlyList<Tensor> forward(IReadOnlyList<Tensor> input)
    {
        var z = input[0];
        return [main.call(z.view(z.shape[0], Spec.Latent, 1, 1))];
    }

    internal override string ExportOnnx(OnnxGraphBuilder graph, IReadOnlyList<string> inputs) =>
        graph.Sequential(main, graph.Reshape(inputs[0], [-1, Spec.Latent, 1, 1]), "main");

    /// <summary>Layers at output 256 (width 64): 512x4x4, 512x8x8, 512x16x16, 256x32x32, 128x64x64, 64x128x128, 3x256x256.</summary>
    internal static Sequential Build(NetworkSpec spec, int output)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var channels = spec.GeneratorChannels(4, output);

        // latent x 1 x 1 -> (ngf*8) x 4 x 4: a 4x4 transposed conv on a 1x1 map is the projection of z.
        layers.Add(("project", nn.ConvTranspose2d(spec.Latent, channels, kernel_size: 4, stride: 1, padding: 0, bias: false)));
        layers.Add(("project_bn", Layers.Norm(channels)));
        layers.Add(("project_relu", Layers.Relu()));

        // c x s x s -> c' x 2s x 2s until output/2, channels halving once below the 8*ngf cap.
        for (var size = 8; size < output; size *= 2)
        {
            var next = spec.GeneratorChannels(size, output);
            layers.Add(($"up{size}", Layers.Up2(channels, next)));
            layers.Add(($"up{size}_bn", Layers.Norm(next)));
            layers.Add(($"up{size}_relu", Layers.Relu()));
            channels = next;
        }

        // ngf x output/2 -> 3 x output x output in [-1, 1].
        layers.Add(("to_rgb", Layers.Up2(channels, 3)));
        layers.Add(("tanh", Layers.Tanh()));
        return nn.Sequential(layers);
    }
}
