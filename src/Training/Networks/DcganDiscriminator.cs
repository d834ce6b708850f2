using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// DCGAN discriminator: mirrors the generator with strided 4x4 convs and LeakyReLU(0.2), BatchNorm after the
/// first layer, and a 4x4 conv to one logit. Used on its own for DCGAN and once per pyramid level otherwise.
/// </summary>
public sealed class DcganDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential main;

    /// <param name="spec">Widths.</param>
    /// <param name="inputChannels">3 for images; 6 for LAPGAN's residual + upsampled coarser image.</param>
    /// <param name="size">Side of the judged input.</param>
    public DcganDiscriminator(NetworkSpec spec, int inputChannels, int size)
        : base(nameof(DcganDiscriminator))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var channels = spec.DiscriminatorChannels(size / 2, size);

        // inputChannels x S x S -> ndf x S/2 x S/2 (no BatchNorm on the input layer, as in DCGAN)
        layers.Add(("down" + (size / 2), Layers.Down2(inputChannels, channels)));
        layers.Add(("down" + (size / 2) + "_lrelu", Layers.Leaky()));

        // c x s x s -> c' x s/2 x s/2 down to (ndf*8) x 4 x 4 at 256 (ndf*4 at 32)
        for (var side = size / 4; side >= 4; side /= 2)
        {
            var next = spec.DiscriminatorChannels(side, size);
            layers.Add(($"down{side}", Layers.Down2(channels, next)));
            layers.Add(($"down{side}_bn", Layers.Norm(next)));
            layers.Add(($"down{side}_lrelu", Layers.Leaky()));
            channels = next;
        }

        // c x 4 x 4 -> 1 x 1 x 1: an unbounded logit (the loss decides how to squash it).
        layers.Add(("logit", nn.Conv2d(channels, 1, kernel_size: 4, stride: 1, padding: 0L, bias: false)));
        main = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <returns>One logit per image, shape N.</returns>
    public override Tensor forward(Tensor input) => main.call(input).view(-1);
}
