namespace MelanoGans.Shared.Imaging;

/// <summary>An 8-bit RGB image held as interleaved bytes, row by row from the top (R, G, B per pixel).</summary>
/// <remarks>A plain buffer rather than an ImageSharp type, so callers need no imaging package to pass pixels around.</remarks>
public sealed class RgbImage
{
    /// <summary>Wraps <paramref name="pixels"/>, which must hold exactly width * height * 3 bytes.</summary>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height * 3)
        {
            throw new ArgumentException($"Expected {(long)width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved R, G, B bytes, <see cref="Width"/> * <see cref="Height"/> * 3 of them.</summary>
    public byte[] Pixels { get; }
}
