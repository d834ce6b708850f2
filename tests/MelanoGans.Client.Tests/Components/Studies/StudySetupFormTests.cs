using Bunit;
using MelanoGans.Client.Components.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Components.Studies;

/// <summary>Like-for-like presentation in the set-up form: native resolutions, the proposed size, the upscaling warning.</summary>
public sealed class StudySetupFormTests : StudioComponentTest
{
    private static readonly StudySetupOptions Options = new(
        [new DatasetChoice(1, "ISIC 2017", 256, new Dictionary<string, int> { ["nevus"] = 40 })],
        [new PoolChoice(2, "DCGAN pool", "dcgan-64", 64, 30), new PoolChoice(3, "LAPGAN pool", "lapgan-128", 128, 30)],
        [new RaterChoice("r1", "rita")]);

    private readonly Pages.Studies.FakeStudyStatistics _statistics;

    public StudySetupFormTests()
    {
        SignInAs("lena", Roles.Lead);
        _statistics = new Pages.Studies.FakeStudyStatistics(Events);
        Services.AddSingleton<IStudyStatistics>(_statistics);
    }

    [Fact]
    public void A_started_study_as_pilot_gives_the_power_of_the_planned_raters_and_images()
    {
        // Issue 23: 4 raters who answered all 60 items of three generators: the pilot of the planned study.
        var rows = SyntheticRatings.Generate(raters: 4, items: 60, seed: 5, missingShare: 0, repeatShare: 0.1).ToList();
        _statistics.Studies.Add((new StudyRatingsInfo(7, "Pilot", "Closed", rows.Count, 4, 4), rows));
        var setup = new StudySetup { RealDatasetId = 1, RealCount = 20, Pools = [new() { PoolId = 2, Count = 20 }], RaterIds = ["r1", "r2", "r3"] };
        var cut = Render<StudySetupForm>(p => p.Add(c => c.Setup, setup).Add(c => c.Options, Options));

        cut.WaitForElement("[data-testid=plan-compute]").Click();

        var pilot = MelanoGans.Shared.Statistics.Mrmc.MrmcPilot.From(MelanoGans.Shared.Statistics.Mrmc.MrmcStudyTable.From(rows, [], [])!);
        var power = MelanoGans.Shared.Statistics.Mrmc.MrmcPower.Power(pilot, 3, 40);
        cut.WaitForAssertion(() => Assert.Contains(
            $"With 3 raters and 40 images, the power to detect a difference of {Math.Abs(power.Effect).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} in AUC between dcgan and ddgan is {power.Power.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}",
            cut.Find("[data-testid=plan-result]").TextContent, StringComparison.Ordinal));
    }

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
