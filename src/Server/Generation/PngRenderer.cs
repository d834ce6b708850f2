using MelanoGans.Shared.Imaging;

namespace MelanoGans.Server.Generation;

/// <summary>Seeds to PNG files through a generator: what a generation job stores and what regenerating an image repeats.</summary>
public static class PngRenderer
{
    /// <summary>One PNG per seed, in the order of <paramref name="seeds"/>.</summary>
    public static IReadOnlyList<byte[]> Render(GeneratorSession generator, IReadOnlyList<long> seeds, double? truncation)
    {
        var values = generator.Run(seeds, truncation);
        var size = generator.Spec.ImageSize;
        var pngs = new byte[seeds.Count][];
        // Images encode independently, one per core: at 256x256 one thread spends about a third as long encoding
        // a batch as ONNX Runtime spends generating it on all cores (docs/benchmarks.md, "Generation").
        Parallel.For(0, seeds.Count, i =>
            pngs[i] = ImageCodec.EncodePng(ImagePixels.FromPlanar(values.AsSpan(i * size, size), generator.Spec.Resolution)));
        return pngs;
    }
}
