using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class WilsonIntervalTests
{
    // Reference: Newcombe R.G. (1998), "Two-sided confidence intervals for the single proportion: comparison
    // of seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no continuity
    // correction), 95% intervals to 4 decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_Newcombe_1998_table(int successes, int trials, double lower, double upper)
    {
        var interval = WilsonInterval.Compute(successes, trials);

        Assert.Equal((double)successes / trials, interval.Estimate!.Value, 12);
        Assert.Equal(lower, interval.Lower!.Value, 0.00005 + 1e-12);
        Assert.Equal(upper, interval.Upper!.Value, 0.00005 + 1e-12);
    }

    [Fact]
    public void No_trials_gives_nulls_not_NaN()
    {
        var interval = WilsonInterval.Compute(0, 0);

        Assert.Null(interval.Estimate);
        Assert.Null(interval.Lower);
        Assert.Null(interval.Upper);
    }
}
