using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class ExactBinomialTestTests
{
    // Reference: hand calculation from the binomial pmf with p = 1/2 (e.g. 7 of 10: 2 * (C(10,7) + C(10,8)
    // + C(10,9) + C(10,10)) / 2^10 = 2 * 176 / 1024), the textbook two-sided exact test.
    [Theory]
    [InlineData(7, 10, 352.0 / 1024)]
    [InlineData(3, 10, 352.0 / 1024)]
    [InlineData(9, 10, 22.0 / 1024)]
    [InlineData(10, 10, 2.0 / 1024)]
    [InlineData(5, 10, 1.0)]
    [InlineData(4, 9, 1.0)]
    public void Matches_hand_calculation(int successes, int trials, double expected)
    {
        Assert.Equal(expected, ExactBinomialTest.TwoSidedAgainstHalf(successes, trials)!.Value, 12);
    }

    [Fact]
    public void Tiny_p_values_keep_their_precision()
    {
        // 2 * 0.5^200: a 1 - CDF implementation would return 0.
        var p = ExactBinomialTest.TwoSidedAgainstHalf(200, 200)!.Value;

        Assert.Equal(2 * Math.Pow(0.5, 200), p, 1e-70);
        Assert.True(p > 0);
    }

    [Fact]
    public void No_trials_gives_null()
    {
        Assert.Null(ExactBinomialTest.TwoSidedAgainstHalf(0, 0));
    }
}
