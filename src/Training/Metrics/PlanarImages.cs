using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Metrics;

/// <summary>Generator output (N x 3 x R x R bytes, planar) as 8-bit RGB images (interleaved), for the feature network.</summary>
internal static class PlanarImages
{
    public static List<RgbImage> ToRgbImages(byte[] chw, int count, int side)
    {
        var area = side * side;
        var images = new List<RgbImage>(count);
        for (var n = 0; n < count; n++)
        {
            var offset = n * 3 * area;
            var pixels = new byte[area * 3];
            for (var p = 0; p < area; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    pixels[(p * 3) + c] = chw[offset + (c * area) + p];
                }
            }

            images.Add(new RgbImage(side, side, pixels));
        }

        return images;
    }
}
