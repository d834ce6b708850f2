using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace MelanoGans.Training.Reporting;

/// <summary>Writes images N x 3 x R x R in [-1, 1] as PNG files: one grid, or one file per image.</summary>
public static class ImageGrid
{
    public static void SaveGrid(Tensor images, string path, int columns = 8)
    {
        var (n, r) = ((int)images.shape[0], (int)images.shape[2]);
        var bytes = ToBytes(images);
        columns = Math.Min(columns, n);
        var rows = (n + columns - 1) / columns;
        using var grid = new Image<Rgb24>(columns * r, rows * r);
        for (var i = 0; i < n; i++)
        {
            Paint(grid, bytes, i, r, (i % columns) * r, (i / columns) * r);
        }

        grid.SaveAsPng(path);
    }

    public static IReadOnlyList<string> SaveEach(Tensor images, string folder, string prefix)
    {
        Directory.CreateDirectory(folder);
        var (n, r) = ((int)images.shape[0], (int)images.shape[2]);
        var bytes = ToBytes(images);
        var paths = new List<string>();
        for (var i = 0; i < n; i++)
        {
            using var image = new Image<Rgb24>(r, r);
            Paint(image, bytes, i, r, 0, 0);
            var path = Path.Combine(folder, $"{prefix}{i:D5}.png");
            image.SaveAsPng(path);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Pixels in [-1, 1] to bytes, rounding and clamping (LAPGAN's residual sums may leave the range).</summary>
    public static byte[] ToBytes(Tensor images)
    {
        using var scope = NewDisposeScope();
        var scaled = ((images.detach().cpu().to_type(ScalarType.Float32) + 1) * 127.5).round().clamp(0, 255).to_type(ScalarType.Byte);
        return scaled.contiguous().data<byte>().ToArray();
    }

    internal static void Paint(Image<Rgb24> target, byte[] chw, int index, int r, int x0, int y0)
    {
        var plane = r * r;
        var offset = index * 3 * plane;
        for (var y = 0; y < r; y++)
        {
            for (var x = 0; x < r; x++)
            {
                var p = offset + (y * r) + x;
                target[x0 + x, y0 + y] = new Rgb24(chw[p], chw[p + plane], chw[p + (2 * plane)]);
            }
        }
    }
}
