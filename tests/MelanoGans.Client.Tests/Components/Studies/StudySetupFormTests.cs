using Bunit;
using MelanoGans.Client.Components.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Client.Tests.Components.Studies;

/// <summary>Like-for-like presentation in the set-up form: native resolutions, the proposed size, the upscaling warning.</summary>
public sealed class StudySetupFormTests : StudioComponentTest
{
    private static readonly StudySetupOptions Options = new(
        [new DatasetChoice(1, "ISIC 2017", 256, new Dictionary<string, int> { ["nevus"] = 40 })],
        [new PoolChoice(2, "DCGAN pool", "dcgan-64", 64, 30), new PoolChoice(3, "LAPGAN pool", "lapgan-128", 128, 30)],
        [new RaterChoice("r1", "rita")]);

    public StudySetupFormTests() => SignInAs("lena", Roles.Lead);

    [Fact]
    public void A_new_study_shows_each_sources_native_resolution_and_proposes_the_smallest()
    {
        var setup = new StudySetup { RealDatasetId = 1, RealCount = 4, Pools = [new() { PoolId = 2, Count = 2 }, new() { PoolId = 3, Count = 2 }] };

        var cut = Render<StudySetupForm>(p => p.Add(x => x.Setup, setup).Add(x => x.Options, Options));

        Assert.Equal(64, setup.PresentationSize);
        var rows = cut.FindAll("[data-testid=study-source]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("Reals from ISIC 2017") && r.Contains("256 px") && r.Contains("downscaled"));
        Assert.Contains(rows, r => r.Contains("Fakes from dcgan-64") && r.Contains("64 px") && r.Contains("native"));
        Assert.Contains("Proposed: 64 px", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=study-upscaling]"));
    }

    [Fact]
    public void A_size_that_upscales_a_source_says_so_and_offers_the_override_with_a_reason()
    {
        var setup = new StudySetup { RealDatasetId = 1, RealCount = 4, Pools = [new() { PoolId = 2, Count = 2 }], PresentationSize = 256, Version = 1 };

        var cut = Render<StudySetupForm>(p => p.Add(x => x.Setup, setup).Add(x => x.Options, Options));

        Assert.Equal(256, setup.PresentationSize);
        Assert.Contains("the fakes from dcgan-64 would be upscaled from 64 to 256 px, a visible giveaway",
            cut.Find("[data-testid=study-upscaling]").TextContent);
        Assert.Contains("upscaled", cut.FindAll("[data-testid=study-source]")[1].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=study-upscaling-reason]"));

        cut.Find("input[data-testid=study-allow-upscaling], [data-testid=study-allow-upscaling] input").Change(true);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=study-upscaling-reason]")));
        Assert.True(setup.AllowUpscaling);
    }
}
