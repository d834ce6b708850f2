using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Tests.Studies;

public class CatchNoiseTests
{
    [Fact]
    public void Catch_noise_is_deterministic_per_seed_and_made_of_flat_blocks()
    {
        var a = CatchNoise.Render(64, 9);
        Assert.Equal(a.Pixels, CatchNoise.Render(64, 9).Pixels);
        Assert.NotEqual(a.Pixels, CatchNoise.Render(64, 10).Pixels);
        // Within one 8x8-pixel block (64 / 8 blocks) every pixel has the block's colour.
        Assert.Equal(a.Pixels.AsSpan(0, 3).ToArray(), a.Pixels.AsSpan((7 * 64 + 7) * 3, 3).ToArray());
    }
}
