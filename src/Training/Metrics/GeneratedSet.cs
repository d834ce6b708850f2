using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Data;
using MelanoGans.Training.Export;

namespace MelanoGans.Training.Metrics;

/// <summary>Images drawn from an exported generator with ONNX Runtime, for <c>metrics --model</c>.</summary>
public static class GeneratedSet
{
    private const int Batch = 32;

    /// <summary><paramref name="count"/> images from standard normal latents seeded by <paramref name="seed"/>.</summary>
    public static IReadOnlyList<RgbImage> Generate(string onnxPath, int count, long seed, int threads, IProgress<int>? progress = null)
    {
        using var runner = new OnnxGeneratorRunner(onnxPath, threads);
        // Not HashCode.Combine: its seed changes with every process, and the same --seed must give the same images.
        var random = new Random((int)(EpochOrder.Mix(seed, 0x6d657472) & int.MaxValue));
        var images = new List<RgbImage>(count);
        while (images.Count < count)
        {
            var n = Math.Min(Batch, count - images.Count);
            var latents = runner.InputNames
                .Select(name => Normal(random, n * runner.InputShape(name).Aggregate(1, (a, d) => a * d)))
                .ToArray();
            var (values, shape) = runner.Run(n, latents);
            if (shape is not [_, 3, var h, var w] || h != w)
            {
                throw new InvalidDataException($"{onnxPath} does not output N x 3 x R x R images (it gives {string.Join("x", shape)})");
            }

            var size = (int)(3 * h * w);
            for (var i = 0; i < n; i++)
            {
                images.Add(ImagePixels.FromPlanar(values.AsSpan(i * size, size), (int)h));
            }
            progress?.Report(images.Count);
        }

        return images;
    }

    private static float[] Normal(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i += 2)
        {
            // Box-Muller: two independent standard normals from two uniforms in (0, 1].
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            var r = Math.Sqrt(-2 * Math.Log(u));
            values[i] = (float)(r * Math.Cos(2 * Math.PI * v));
            if (i + 1 < length) values[i + 1] = (float)(r * Math.Sin(2 * Math.PI * v));
        }

        return values;
    }
}
