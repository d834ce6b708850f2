using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MelanoGans.Training.Losses;

/// <summary>
/// Differentiable augmentation (Zhao et al. 2020, policy "color,translation,cutout"), applied to every
/// discriminator input, real and fake alike, so D cannot memorise a small data set while G still gets
/// gradients through the augmentation. Randomness comes from the step's seeded generator (exact resume).
/// </summary>
public static class DiffAugment
{
    public static Tensor Apply(Tensor x, Generator generator)
    {
        x = Colour(x, generator);
        x = Translate(x, generator, 0.125);
        return Cutout(x, generator, 0.5);
    }

    /// <summary>Random brightness (+-0.5), saturation (x0..2) and contrast (x0.5..1.5) per image.</summary>
    private static Tensor Colour(Tensor x, Generator generator)
    {
        var n = x.shape[0];
        x = x + (rand([n, 1, 1, 1], generator: generator, device: x.device) - 0.5);
        var channelMean = x.mean([1], keepdim: true);
        x = ((x - channelMean) * (rand([n, 1, 1, 1], generator: generator, device: x.device) * 2)) + channelMean;
        var imageMean = x.mean([1, 2, 3], keepdim: true);
        return ((x - imageMean) * (rand([n, 1, 1, 1], generator: generator, device: x.device) + 0.5)) + imageMean;
    }

    /// <summary>
    /// Shifts each image by whole pixels (up to ratio of the side), filling with zeros. Built from pad and gather,
    /// not grid_sample, because R1 needs a second derivative and grid_sample's backward has none.
    /// </summary>
    private static Tensor Translate(Tensor x, Generator generator, double ratio)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var maxY = (long)(h * ratio + 0.5);
        var maxX = (long)(w * ratio + 0.5);
        var shiftY = randint(-maxY, maxY + 1, [n, 1, 1], generator: generator, device: x.device);
        var shiftX = randint(-maxX, maxX + 1, [n, 1, 1], generator: generator, device: x.device);
        var padded = F.pad(x, [maxX, maxX, maxY, maxY]);
        var paddedWidth = w + (2 * maxX);

        // Output pixel (y, x) reads padded pixel (y - shiftY + maxY, x - shiftX + maxX): content moves by +shift.
        var rows = arange(h, device: x.device).view(1, h, 1) + maxY - shiftY;
        var cols = arange(w, device: x.device).view(1, 1, w) + maxX - shiftX;
        var index = ((rows * paddedWidth) + cols).view(n, 1, h * w).expand(n, c, h * w);
        return padded.view(n, c, -1).gather(2, index).view(n, c, h, w);
    }

    /// <summary>Zeroes one random square of ratio x side per image.</summary>
    private static Tensor Cutout(Tensor x, Generator generator, double ratio)
    {
        var (n, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var sizeY = (long)(h * ratio + 0.5);
        var sizeX = (long)(w * ratio + 0.5);
        var top = randint(0, h + 1 - sizeY, [n, 1, 1, 1], generator: generator, device: x.device);
        var left = randint(0, w + 1 - sizeX, [n, 1, 1, 1], generator: generator, device: x.device);
        var rows = arange(h, device: x.device).view(1, 1, h, 1);
        var cols = arange(w, device: x.device).view(1, 1, 1, w);
        var inside = (rows >= top) & (rows < top + sizeY) & (cols >= left) & (cols < left + sizeX);
        return x * (~inside).to_type(x.dtype);
    }
}
