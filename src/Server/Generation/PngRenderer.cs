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
        for (var i = 0; i < seeds.Count; i++)
            pngs[i] = ImageCodec.EncodePng(ImagePixels.FromPlanar(values.AsSpan(i * size, size), generator.Spec.Resolution));
        return pngs;
    }
}
