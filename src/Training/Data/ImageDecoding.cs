using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

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
}
