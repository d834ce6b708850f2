using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// What each discriminator sees. Real and generated images go through the same functions, so the two
/// distributions are compared on equal terms at every level.
/// </summary>
public static class PyramidViews
{
    /// <summary>The pyramid of a real batch, coarse to fine, by repeated 2x2 average pooling.</summary>
    public static IReadOnlyList<Tensor> FromReal(NetworkSpec spec, Tensor reals)
    {
        var levels = new List<Tensor> { reals };
        for (var k = 1; k < spec.LevelSizes.Count; k++)
        {
            levels.Insert(0, Layers.Downsample2(levels[0]));
        }

        return levels;
    }

    /// <summary>
    /// Discriminator inputs per level. DCGAN and DDGAN: the images themselves. LAPGAN: the base image, then for
    /// each finer level the residual image_k - up(image_{k-1}) concatenated with up(image_{k-1}); for a
    /// generated pyramid that residual is exactly what the level generator produced.
    /// </summary>
    public static IReadOnlyList<Tensor> ForDiscriminators(NetworkSpec spec, IReadOnlyList<Tensor> pyramid)
    {
        if (spec.Architecture != GanArchitecture.Lapgan)
        {
            return pyramid;
        }

        var views = new List<Tensor> { pyramid[0] };
        for (var k = 1; k < pyramid.Count; k++)
        {
            var up = Layers.Upsample2(pyramid[k - 1]);
            views.Add(cat([pyramid[k] - up, up], 1));
        }

        return views;
    }
}
