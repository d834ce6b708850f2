using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class ChiSquareTestTests
{
    [Fact]
    public void Chi_square_matches_hand_calculation()
    {
        // [[10, 20], [20, 10]]: every expected count is 15, X^2 = 4 * 25 / 15 = 20/3 on 1 df,
        // p = erfc(sqrt(10/3)) = 0.009823 (chi-square survival function with 1 df).
        var (statistic, df, p, minExpected) = ChiSquareTest.Independence(new long[,] { { 10, 20 }, { 20, 10 } });

        Assert.Equal(20.0 / 3, statistic!.Value, 12);
        Assert.Equal(1, df);
        Assert.Equal(0.0098232, p!.Value, 0.0000005);
        Assert.Equal(15, minExpected!.Value, 12);
    }

    [Fact]
    public void Chi_square_with_an_empty_column_is_undefined()
    {
        var (statistic, _, p, _) = ChiSquareTest.Independence(new long[,] { { 0, 5 }, { 0, 7 }, { 0, 2 } });

        Assert.Null(statistic);
        Assert.Null(p);
    }
}
