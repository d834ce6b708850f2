using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>
/// Issue 23's single-test planning question (is one generator's AUC above 0.5?). No published figures exist for it, so
/// it is checked against the analysis it plans for: at the pilot's own raters and images, its noncentrality and degrees
/// of freedom are the analysis's t statistic and degrees of freedom (tested against Van Dyke in <see cref="VanDykeTests"/>).
/// </summary>
public sealed class SingleTestPowerTests
{
    [Fact]
    public void At_the_pilots_size_the_plan_is_the_analysis()
    {
        // Enough images that the raters' spread exceeds the images' noise: the pilot's reader variance is positive, so
        // nothing is clamped and the identity holds exactly.
        var rows = SyntheticRatings.Generate(raters: 6, items: 1200, seed: 9, missingShare: 0, repeatShare: 0);
        var table = MrmcStudyTable.From(rows, [], [])!;
        var pilot = MrmcPilot.From(table);
        var analysis = ObuchowskiRockette.Analyse(table).Tests[0];
        Assert.True(pilot.SingleMsR - pilot.SingleVarError + pilot.SingleCov2 > 0 && pilot.SingleCov2 > 0, "the pilot would be clamped");

        var plan = MrmcPower.SingleTestPower(pilot, table.Readers.Count, table.Cases.Count);

        Assert.Equal((analysis.Auc - 0.5) / analysis.Stderr, plan.Ncp, 10);
        Assert.Equal(analysis.Df!.Value, plan.Ddf!.Value, 8);
        // More raters and images give more power; the sample size is the first that reaches the target.
        var larger = MrmcPower.SingleTestPower(pilot, 10, 400, 0.55);
        Assert.True(larger.Power > MrmcPower.SingleTestPower(pilot, 5, 100, 0.55).Power);
        var needed = MrmcPower.SingleTestSampleSize(pilot, 6, 0.8, 0.75);
        Assert.NotNull(needed);
        Assert.True(needed.Power >= 0.8);
        Assert.True(MrmcPower.SingleTestPower(pilot, 6, needed.Cases - 1, 0.75).Power < 0.8);
    }
}
