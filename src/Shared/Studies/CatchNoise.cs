using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Studies;

/// <summary>
/// The obvious fake of a catch trial: a mosaic of random colours at the presentation size, which no attentive rater
/// takes for a dermoscopy image. Deterministic per seed.
/// </summary>
public static class CatchNoise
{
    /// <summary>Blocks of one random colour each, 8 per side.</summary>
    public const int BlocksPerSide = 8;

    public static RgbImage Render(int size, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, BlocksPerSide);
        var random = new PhantomRandom(seed);
        var colours = new byte[BlocksPerSide * BlocksPerSide * 3];
        for (var i = 0; i < colours.Length; i++) colours[i] = (byte)random.Next(0, 256);
        var pixels = new byte[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            var by = y * BlocksPerSide / size;
            for (var x = 0; x < size; x++)
            {
                var block = (by * BlocksPerSide + x * BlocksPerSide / size) * 3;
                var at = (y * size + x) * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = (colours[block], colours[block + 1], colours[block + 2]);
            }
        }
        return new RgbImage(size, size, pixels);
    }
}
