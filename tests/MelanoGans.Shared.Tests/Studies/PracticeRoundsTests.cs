using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Tests.Studies;

public class PracticeRoundsTests
{
    private static Func<int, bool?> Answers(params bool[] correct) => p => p < correct.Length ? correct[p] : null;

    [Fact]
    public void Without_practice_there_is_no_round_and_without_a_pass_mark_one_round_whatever_its_score()
    {
        Assert.Equal(0, PracticeRounds.Given(0, 0.8, Answers()));
        Assert.Equal(1, PracticeRounds.Given(4, null, Answers(false, false, false, false)));
    }

    [Fact]
    public void A_round_under_the_pass_mark_adds_a_round_and_a_round_at_the_mark_ends_practice()
    {
        // Round length 4, pass mark 75%: 3 of 4 passes, 2 of 4 does not.
        Assert.Equal(1, PracticeRounds.Given(4, 0.75, Answers(true, false)));
        Assert.Equal(2, PracticeRounds.Given(4, 0.75, Answers(true, false, true, false)));
        Assert.Equal(2, PracticeRounds.Given(4, 0.75, Answers(true, false, true, false, true, true, true, false)));
        Assert.Equal(3, PracticeRounds.Given(4, 0.75, Answers(true, false, true, false, false, false, true, true)));
    }

    [Theory]
    [InlineData(1, RatingTruth.Fake, true)]
    [InlineData(3, RatingTruth.Fake, true)]
    [InlineData(4, RatingTruth.Fake, false)]
    [InlineData(4, RatingTruth.Real, true)]
    [InlineData(2, RatingTruth.Real, false)]
    public void A_six_point_answer_is_right_when_its_side_of_the_scale_matches_the_truth(int response, RatingTruth truth, bool right) =>
        Assert.Equal(right, PracticeRounds.Correct(response, truth));
}
