using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Tests.Studies;

/// <summary>Like-for-like presentation: the proposed size and the sources a size would upscale.</summary>
public sealed class PresentationRulesTests
{
    private static readonly PresentationSource[] Sources =
    [
        new("ISIC 2017", true, 256), new("dcgan-64", false, 64), new("lapgan-128", false, 128),
    ];

    [Fact]
    public void The_proposed_size_is_the_smallest_native_resolution() =>
        Assert.Equal(64, PresentationRules.ProposedSize(Sources));

    [Fact]
    public void Downscaling_to_a_common_size_upscales_nothing()
    {
        Assert.Empty(PresentationRules.Upscaled(Sources, 64));
        Assert.Empty(PresentationRules.Upscaled(Sources, 32));
    }

    [Fact]
    public void Each_upscaled_source_is_named_with_both_sizes()
    {
        Assert.Equal(
            ["the fakes from dcgan-64 would be upscaled from 64 to 256 px, a visible giveaway",
             "the fakes from lapgan-128 would be upscaled from 128 to 256 px, a visible giveaway"],
            PresentationRules.Upscaled(Sources, 256));
        Assert.Equal(["the reals from ISIC 2017 would be upscaled from 256 to 512 px, a visible giveaway"],
            PresentationRules.Upscaled([Sources[0]], 512));
    }

    [Fact]
    public void No_sources_propose_nothing() => Assert.Null(PresentationRules.ProposedSize([]));
}
