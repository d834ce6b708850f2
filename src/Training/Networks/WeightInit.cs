using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>DCGAN initialisation (Radford et al.): conv weights N(0, 0.02), BatchNorm scale N(1, 0.02), biases 0.</summary>
internal static class WeightInit
{
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Convolution conv:
                    nn.init.normal_(conv.weight, 0.0, 0.02);
                    if (conv.bias is not null)
                    {
                        nn.init.zeros_(conv.bias);
                    }

                    break;
                case BatchNorm2d norm:
                    nn.init.normal_(norm.weight, 1.0, 0.02);
                    nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }
}
