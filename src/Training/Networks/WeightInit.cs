using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// DCGAN initialisation (Radford et al.): conv weights N(0, 0.02), BatchNorm scale N(1, 0.02), biases 0. Every
/// parameter is overwritten from <paramref name="random"/>, so the weights depend on the seed only, not on
/// torch's global generator (which other threads, e.g. parallel tests, may be drawing from).
/// </summary>
internal static class WeightInit
{
    public static void Apply(nn.Module module, Generator random)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Convolution conv:
                    Fill(conv.weight, 0.0, 0.02, random);
                    if (conv.bias is not null)
                    {
                        nn.init.zeros_(conv.bias);
                    }

                    break;
                case BatchNorm2d norm:
                    Fill(norm.weight, 1.0, 0.02, random);
                    nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }

    /// <summary>
    /// Fills with N(mean, std) drawn by randn from <paramref name="random"/>; TorchSharp 0.107's init.normal_
    /// was seen to ignore its generator argument, which made initial weights depend on other threads.
    /// </summary>
    internal static void Fill(Tensor parameter, double mean, double std, Generator random)
    {
        using var values = randn(parameter.shape, generator: random, device: parameter.device).mul_(std).add_(mean);
        parameter.copy_(values);
    }
}
