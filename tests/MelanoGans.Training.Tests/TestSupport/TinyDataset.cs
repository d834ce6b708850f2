using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>
/// Writes a small folder of non-square PNG "lesions" (a dark disc on skin-coloured ground) with a manifest.csv,
/// so tests exercise cropping, resizing and class filtering without any external data.
/// </summary>
public static class TinyDataset
{
    public static string Create(string folder, int count = 16, int width = 48, int height = 40)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        var lines = new List<string> { "file,label" };
        for (var i = 0; i < count; i++)
        {
            using var image = new Image<Rgb24>(width, height);
            var (cx, cy, radius) = (random.Next(width / 3, 2 * width / 3), random.Next(height / 3, 2 * height / 3), random.Next(5, 12));
            var skin = new Rgb24((byte)random.Next(180, 240), (byte)random.Next(130, 180), (byte)random.Next(110, 150));
            var lesion = new Rgb24((byte)random.Next(60, 120), (byte)random.Next(30, 70), (byte)random.Next(20, 50));
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    image[x, y] = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) < radius * radius ? lesion : skin;
                }
            }

            var name = $"lesion_{i:D3}.png";
            image.SaveAsPng(Path.Combine(folder, name));
            lines.Add($"{name},{(i % 2 == 0 ? "melanoma" : "nevus")}");
        }

        File.WriteAllLines(Path.Combine(folder, "manifest.csv"), lines);
        return folder;
    }
}
