using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// The few layer shapes the networks are built from. Convolutions feeding BatchNorm carry no bias (BatchNorm
/// removes it), as in pytorch/examples dcgan. Every module here has an ONNX mapping in Export/.
/// </summary>
internal static class Layers
{
    /// <summary>Transposed 4x4 convolution, stride 2: doubles the side.</summary>
    public static ConvTranspose2d Up2(long input, long output, bool bias = false) =>
        nn.ConvTranspose2d(input, output, kernel_size: 4, stride: 2, padding: 1L, bias: bias);

    /// <summary>4x4 convolution, stride 2: halves the side.</summary>
    public static Conv2d Down2(long input, long output, bool bias = false) =>
        nn.Conv2d(input, output, kernel_size: 4, stride: 2, padding: 1L, bias: bias);

    /// <summary>3x3 convolution that keeps the side.</summary>
    public static Conv2d Same3(long input, long output, bool bias = false) =>
        nn.Conv2d(input, output, kernel_size: 3, stride: 1, padding: 1L, bias: bias);

    /// <summary>1x1 convolution to RGB (with bias: no BatchNorm follows).</summary>
    public static Conv2d ToRgb(long input) => nn.Conv2d(input, 3, kernel_size: 1, bias: true);

    /// <summary>Fixed bilinear x2 upsampling with half-pixel centres (ONNX Resize linear, half_pixel).</summary>
    public static Upsample Bilinear2() =>
        nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);

    public static BatchNorm2d Norm(long channels) => nn.BatchNorm2d(channels);

    public static ReLU Relu() => nn.ReLU();

    public static LeakyReLU Leaky() => nn.LeakyReLU(0.2);

    public static Tanh Tanh() => nn.Tanh();

    /// <summary>Bilinear x2 upsampling of a tensor, the same operation as <see cref="Bilinear2"/>.</summary>
    public static Tensor Upsample2(Tensor x) =>
        nn.functional.interpolate(x, scale_factor: [2.0, 2.0], mode: InterpolationMode.Bilinear, align_corners: false);

    /// <summary>2x2 average pooling: the pyramid's downsampling of real images.</summary>
    public static Tensor Downsample2(Tensor x) => nn.functional.avg_pool2d(x, 2);
}
