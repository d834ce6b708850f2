using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using static TorchSharp.torch;

namespace MelanoGans.Training.Data;

/// <summary>
/// Decoding rules for untrusted image files: PNG and JPEG only, and the size is read from the header and
/// checked before any pixel buffer is allocated.
/// </summary>
public static class ImageDecoding
{
    /// <summary>Largest accepted image (ISIC 2017 photographs reach about 6700 x 4400).</summary>
    public const long MaxPixels = 40_000_000;

    private static readonly Configuration Decoders = new(new PngConfigurationModule(), new JpegConfigurationModule());

    /// <summary>File extensions read as images.</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg" };

    /// <summary>Width and height from the file's header, without decoding pixels.</summary>
    /// <exception cref="InvalidDataException">The file is not a PNG or JPEG image.</exception>
    public static (int Width, int Height) Identify(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            var info = Image.Identify(Decoders, stream) ?? throw new InvalidDataException($"{path}: not a PNG or JPEG image");
            return (info.Width, info.Height);
        }
        catch (ImageFormatException ex)
        {
            throw new InvalidDataException($"{path}: not a readable PNG or JPEG image ({ex.Message})", ex);
        }
    }

    /// <summary>Centre crop to a square, resize to <paramref name="resolution"/>, and return RGB bytes (H x W x 3).</summary>
    public static byte[] LoadSquareRgb(string path, int resolution)
    {
        using var stream = File.OpenRead(path);
        var info = Image.Identify(Decoders, stream)
            ?? throw new InvalidDataException($"{path}: not a PNG or JPEG image");
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new InvalidDataException($"{path}: {info.Width}x{info.Height} exceeds the {MaxPixels} pixel limit");
        }

        stream.Position = 0;
        using var image = Image.Load<Rgb24>(Decoders, stream);
        var side = Math.Min(image.Width, image.Height);
        image.Mutate(x => x
            .Crop(new Rectangle((image.Width - side) / 2, (image.Height - side) / 2, side, side))
            .Resize(resolution, resolution, KnownResamplers.Bicubic));
        var pixels = new byte[resolution * resolution * 3];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }

    /// <summary>The H x W x 3 RGB byte images at <paramref name="indices"/> as N x 3 x R x R floats in [-1, 1].</summary>
    public static Tensor ToTensor(IReadOnlyList<byte[]> images, ReadOnlySpan<int> indices, int resolution)
    {
        var r = resolution;
        var plane = r * r;
        var values = new float[indices.Length * 3 * plane];
        for (var n = 0; n < indices.Length; n++)
        {
            var source = images[indices[n]];
            var offset = n * 3 * plane;
            for (var p = 0; p < plane; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    values[offset + (c * plane) + p] = (source[(p * 3) + c] / 127.5f) - 1f;
                }
            }
        }

        return tensor(values, [indices.Length, 3, r, r]);
    }
}
