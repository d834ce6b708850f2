namespace MelanoGans.Training.Networks;

/// <summary>Everything that fixes the shapes of a generator/discriminator pair.</summary>
/// <param name="Architecture">Which of the study's architectures.</param>
/// <param name="Resolution">Output side in pixels: a power of two from 32 to 256.</param>
/// <param name="Latent">Dimension of the standard normal latent vector (64 in the study).</param>
/// <param name="Width">Base channel count (ngf = ndf, 64 as in pytorch/examples dcgan); deeper layers use multiples.</param>
public sealed record NetworkSpec(GanArchitecture Architecture, int Resolution, int Latent = 64, int Width = 64)
{
    /// <summary>Side of the coarsest pyramid level of LAPGAN and DDGAN (docs/design.md, "Defaults taken from the study": a 32x32 base image).</summary>
    public const int PyramidBase = 32;

    /// <summary>True for the architectures that produce and judge an image pyramid.</summary>
    public bool IsPyramid => Architecture != GanArchitecture.Dcgan;

    /// <summary>Sides of the images the generator produces, coarse to fine; DCGAN has one.</summary>
    public IReadOnlyList<int> LevelSizes => IsPyramid
        ? Enumerable.Range(0, Log2(Resolution / PyramidBase) + 1).Select(k => PyramidBase << k).ToArray()
        : [Resolution];

    /// <summary>Throws with a one-line reason when the spec cannot be built.</summary>
    public NetworkSpec Validate()
    {
        if (Resolution < 32 || Resolution > 256 || (Resolution & (Resolution - 1)) != 0)
        {
            throw new ArgumentException($"resolution must be a power of two from 32 to 256, got {Resolution}");
        }

        if (Latent < 1 || Width < 4)
        {
            throw new ArgumentException($"latent must be positive and width at least 4 (got latent {Latent}, width {Width})");
        }

        return this;
    }

    /// <summary>
    /// Channels of a DCGAN generator's feature map at side <paramref name="size"/> when its output is
    /// <paramref name="output"/> pixels: width at output/2 doubling towards 4x4, capped at 8 x width
    /// (pytorch/examples dcgan at 64x64: 512, 256, 128, 64).
    /// </summary>
    public int GeneratorChannels(int size, int output) => Math.Min(8 * Width, Width * output / (2 * size));

    /// <summary>Channels of a discriminator's feature map at side <paramref name="size"/> for an input of side <paramref name="input"/>.</summary>
    public int DiscriminatorChannels(int size, int input) => Math.Min(8 * Width, Width * input / (2 * size));

    /// <summary>Channels of a pyramid level finer than the base: width at 64x64, halving per level, at least 16.</summary>
    public int LevelChannels(int size) => Math.Clamp(Width * 64 / size, Math.Min(16, Width), Width);

    internal static int Log2(int value) => System.Numerics.BitOperations.Log2((uint)value);
}
