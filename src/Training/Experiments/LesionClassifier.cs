using MelanoGans.Training.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// A small ResNet for melanoma vs rest. The stem halves the side at once (as ResNet's does) so a CPU run at 64x64
/// takes minutes; then one residual block per stage, each later stage halving the side and doubling the width,
/// until the map is 8x8; global average pooling and one logit (melanoma positive).
/// </summary>
internal sealed class LesionClassifier : nn.Module<Tensor, Tensor>
{
    private readonly Sequential stem;
    private readonly Sequential stages;
    private readonly Linear head;

    /// <summary>At width 16: 16 x R/2 x R/2, then 16, 32, 64 (, 128, ...) channels down to 8 x 8.</summary>
    public LesionClassifier(int resolution, int width)
        : base(nameof(LesionClassifier))
    {
        stem = nn.Sequential(
            nn.Conv2d(3, width, kernel_size: 3, stride: 2, padding: 1L, bias: false),
            nn.BatchNorm2d(width),
            nn.ReLU());
        stages = nn.Sequential();
        long channels = width;
        stages.append(new ResidualBlock(channels, channels, 1));
        for (var side = resolution / 2; side > 8; side /= 2)
        {
            stages.append(new ResidualBlock(channels, channels * 2, 2));
            channels *= 2;
        }

        head = nn.Linear(channels, 1);
        RegisterComponents();
    }

    /// <summary>Images N x 3 x R x R in [-1, 1] to logits N.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = stages.call(stem.call(x)).mean([2L, 3L]);
        return head.call(features).squeeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// He-normal convolutions (fan-out, as torchvision's ResNet), BatchNorm 1/0, a small head, all drawn from
    /// <paramref name="random"/> so the weights depend on the seed only, not on torch's global generator.
    /// </summary>
    public void Initialise(Generator random)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    var shape = conv.weight.shape;
                    var fanOut = shape[0] * shape[2] * shape[3];
                    WeightInit.Fill(conv.weight, 0, Math.Sqrt(2.0 / fanOut), random);
                    break;
                case BatchNorm2d norm:
                    nn.init.ones_(norm.weight);
                    nn.init.zeros_(norm.bias);
                    break;
                case Linear linear:
                    WeightInit.Fill(linear.weight, 0, 0.01, random);
                    nn.init.zeros_(linear.bias);
                    break;
            }
        }
    }
}
