using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>Issue 23: planning from a pilot study gives the power calculation's figures, or a reason.</summary>
public sealed class MrmcPlanningTests
{
    private static readonly IReadOnlyList<RatingRow> Rows = SyntheticRatings.Generate(raters: 4, items: 60, seed: 5, missingShare: 0, repeatShare: 0.1);

    [Fact]
    public void A_pilot_with_two_generators_gives_the_power_and_the_images_needed()
    {
        var plan = MrmcPlanning.Plan("Pilot", Rows, [], readers: 6, cases: 100, effect: 0.05);

        Assert.Null(plan.Reason);
        Assert.Equal(["dcgan", "ddgan"], plan.Generators);
        var pilot = MrmcPilot.From(MrmcStudyTable.From(Rows, [], [])!);
        Assert.Equal(MrmcPower.Power(pilot, 6, 100, 0.05), plan.Power);
        Assert.Equal(MrmcPower.SampleSize(pilot, 6, 0.8, 0.05), plan.Needed);
        Assert.True(plan.Needed is null || plan.Needed.Power > 0.8);
    }

    [Fact]
    public void A_pilot_that_cannot_serve_says_why()
    {
        var oneGenerator = Rows.Where(r => r.Truth == RatingTruth.Real || r.Source == "dcgan").ToList();
        Assert.Equal("The pilot 'P' has one generator; planning a comparison needs a pilot with two.", MrmcPlanning.Plan("P", oneGenerator, [], 6, 100, null).Reason);
        Assert.Equal("Plan at least 2 raters: MRMC treats raters as a sample.", MrmcPlanning.Plan("P", Rows, [], 1, 100, null).Reason);
        Assert.Equal("MRMC needs at least 2 raters who answered every item; there are 0.",
            MrmcPlanning.Plan("P", Rows, ["rater01", "rater02", "rater03", "rater04"], 6, 100, null).Reason);
    }
}
