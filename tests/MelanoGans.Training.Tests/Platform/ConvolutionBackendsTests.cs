using MelanoGans.Training.Platform;
using MelanoGans.Training.Tests.TestSupport;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Platform;

[Collection(NativeSettingsCollection.Name)]
public sealed class ConvolutionBackendsTests
{
    /// <summary>A discriminator's logit (1 channel), an RGB or residual output (3) and a channel count past one block (17).</summary>
    public static TheoryData<long, long, long> FewOutputChannels() => new()
    {
        { 1, 4, 0 },
        { 3, 3, 1 },
        { 17, 3, 1 },
    };

    [Fact]
    public void Training_runs_convolutions_on_LibTorchs_own_kernels()
    {
        NativeRuntime.UseLibTorchConvolutions();

        Assert.False(ConvolutionBackends.OneDnn, "oneDNN convolutions are on");
        Assert.False(ConvolutionBackends.Nnpack, "NNPACK convolutions are on");
    }

    [Theory]
    [MemberData(nameof(FewOutputChannels))]
    public void Input_gradients_of_convolutions_with_few_output_channels_match_float64(long outputs, long kernel, long padding)
    {
        NativeRuntime.UseLibTorchConvolutions();
        HeapPoison.Fill();

        var error = InputGradientError(outputs, kernel, padding);

        Assert.True(error < 1e-4, $"relative error of the input gradient {error}");
    }

    [Theory]
    [MemberData(nameof(FewOutputChannels))]
    public void OneDnn_still_computes_those_gradients_from_memory_it_never_wrote(long outputs, long kernel, long padding)
    {
        // Why the trainer turns oneDNN off. When this fails, LibTorch's oneDNN computes these gradients right and
        // NativeRuntime.UseLibTorchConvolutions may leave it on again.
        var errors = new List<double>();
        try
        {
            ConvolutionBackends.OneDnn = true;
            for (var attempt = 0; attempt < 3 && errors.All(e => e < 1e-2); attempt++)
            {
                HeapPoison.Fill();
                errors.Add(InputGradientError(outputs, kernel, padding));
            }
        }
        finally
        {
            ConvolutionBackends.OneDnn = false;
        }

        Assert.True(errors.Any(e => !(e < 1e-2)), $"oneDNN's input gradients are right now (relative errors {string.Join(", ", errors)})");
    }

    /// <summary>Largest relative difference between the float32 input gradient of a 64-channel convolution and the float64 one.</summary>
    private static double InputGradientError(long outputs, long kernel, long padding)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator(5, CPU);
        var input = randn([4, 64, 16, 16], generator: random);
        var weight = randn([outputs, 64, kernel, kernel], generator: random).mul_(0.05);
        var side = 16 + (2 * padding) - kernel + 1;
        var outputGradient = randn([4, outputs, side, side], generator: random);
        var actual = InputGradient(input, weight, outputGradient, padding);
        var expected = InputGradient(input.to(float64), weight.to(float64), outputGradient.to(float64), padding);
        return ((actual.to(float64) - expected).abs().max() / expected.abs().max()).item<double>();
    }

    private static Tensor InputGradient(Tensor input, Tensor weight, Tensor outputGradient, long padding)
    {
        var x = input.detach().requires_grad_(true);
        nn.functional.conv2d(x, weight, padding: [padding, padding]).backward([outputGradient]);
        return x.grad!.detach();
    }
}
