namespace MelanoGans.Shared.Imaging;

/// <summary>Generator output (planar RGB in [-1, 1]) to 8-bit interleaved RGB.</summary>
public static class ImagePixels
{
    /// <summary>One image of an N x 3 x R x R output; values outside [-1, 1] are clamped.</summary>
    public static RgbImage FromPlanar(ReadOnlySpan<float> chw, int resolution)
    {
        var plane = resolution * resolution;
        if (chw.Length != 3 * plane)
            throw new ArgumentException($"Expected 3 x {resolution} x {resolution} values, got {chw.Length}.", nameof(chw));
        var pixels = new byte[3 * plane];
        for (var c = 0; c < 3; c++)
        {
            var source = chw.Slice(c * plane, plane);
            for (var p = 0; p < plane; p++)
                pixels[3 * p + c] = ToByte(source[p]);
        }
        return new RgbImage(resolution, resolution, pixels);
    }

    /// <summary>The trainer's inverse of its [-1, 1] scaling: (x + 1) * 127.5, rounded and clamped.</summary>
    public static byte ToByte(float value)
    {
        var scaled = MathF.Round((value + 1f) * 127.5f);
        return scaled <= 0f ? (byte)0 : scaled >= 255f ? (byte)255 : (byte)scaled;
    }
}
