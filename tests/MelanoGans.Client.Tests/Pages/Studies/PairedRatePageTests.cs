using Bunit;
using MelanoGans.Client.Pages.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>The rating page in a paired-choice study and in a practice round.</summary>
public sealed class PairedRatePageTests : StudioComponentTest
{
    private readonly FakeRatingSession _session = new(total: 3, tags: ["grid"]) { Mode = RatingMode.Paired };

    public PairedRatePageTests()
    {
        SignInAs("rita", Roles.Rater);
        Services.AddSingleton<IRatingSession>(_session);
        Services.AddSingleton(TimeProvider.System);
        JSInterop.SetupModule("./js/rating.js");
    }

    [Fact]
    public async Task Two_images_side_by_side_and_an_arrow_key_answers_which_one_is_real()
    {
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));
        Assert.Equal("/study-images/token00", cut.Find("[data-testid=study-image]").GetAttribute("src"));
        Assert.Equal("/study-images/token00r", cut.Find("[data-testid=pair-image]").GetAttribute("src"));
        Assert.Empty(cut.FindAll("[data-testid=submit]"));

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("5", 0)); // the 6-point keys do nothing here
        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("ArrowRight", 0));

        var answer = Assert.Single(_session.Submitted);
        Assert.Equal((0, false), (answer.Position, answer.PickedLeft));
        cut.WaitForAssertion(() => Assert.Equal("/study-images/token01r", cut.Find("[data-testid=pair-image]").GetAttribute("src")));
        cut.Find("[data-testid=pick-left]").Click();
        cut.WaitForAssertion(() => Assert.Equal(true, _session.Submitted[^1].PickedLeft));
    }

    [Fact]
    public async Task A_practice_round_says_so_and_shows_the_truth_and_the_round_result_after_an_answer()
    {
        _session.PracticeRound = 2;
        _session.Result = new SubmitResult(SubmitOutcome.Saved, Truth: RatingTruth.Fake, Note: "Practice round 2: 3 of 4 right.");
        var cut = Render<RatePage>(p => p.Add(x => x.StudyId, 7));
        Assert.Contains("Practice round 2", cut.Find("[data-testid=practice-banner]").TextContent);
        Assert.Contains("80% of a round", cut.Find("[data-testid=practice-banner]").TextContent);

        await cut.InvokeAsync(() => cut.Instance.OnKeyAsync("ArrowLeft", 0));

        cut.WaitForAssertion(() => Assert.Equal("The image you picked as real was generated. Practice round 2: 3 of 4 right.",
            cut.Find("[data-testid=rating-feedback]").TextContent.Trim()));
    }
}
