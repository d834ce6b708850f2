using MelanoGans.Client.Components.Statistics;

namespace MelanoGans.Client.Tests.Components.Statistics;

/// <summary>How the dashboards print numbers: what cannot be computed is a dash, and zero has no sign.</summary>
public sealed class StatisticsFormatTests
{
    [Theory]
    [InlineData(0.1234, "0.000", "0.123")]
    [InlineData(-0.1234, "0.00", "-0.12")]
    [InlineData(-0.0001, "0.00", "0.00")]
    [InlineData(-0.0, "0.000", "0.000")]
    [InlineData(double.NaN, "0.00", StatisticsFormat.Undefined)]
    public void Numbers_round_without_a_signed_zero_and_nan_is_undefined(double value, string format, string expected) =>
        Assert.Equal(expected, StatisticsFormat.Number(value, format));

    [Fact]
    public void A_p_value_that_cannot_be_computed_is_undefined()
    {
        Assert.Equal(StatisticsFormat.Undefined, StatisticsFormat.PValue(double.NaN));
        Assert.Equal(StatisticsFormat.Undefined, StatisticsFormat.PValue(null));
        Assert.Equal("<\u00a00.001", StatisticsFormat.PValue(0.0002));
        Assert.Equal("0.656", StatisticsFormat.PValue(0.6558));
    }
}
