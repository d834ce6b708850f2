using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class FisherExactTestTests
{
    [Fact]
    public void Fisher_reproduces_the_lady_tasting_tea()
    {
        // Reference: Fisher R.A. (1935), The Design of Experiments, section 2: 8 cups, 4 with milk first;
        // 3 of 4 identified: one-sided P = 17/70; the two-sided P (tables at most as likely) = 34/70.
        Assert.Equal(34.0 / 70, FisherExactTest.TwoSided(3, 1, 1, 3)!.Value, 12);
        Assert.Equal(2.0 / 70, FisherExactTest.TwoSided(4, 0, 0, 4)!.Value, 12);
    }

    [Fact]
    public void Fisher_with_a_zero_margin_is_one()
    {
        Assert.Equal(1.0, FisherExactTest.TwoSided(0, 0, 3, 4));
    }
}
