using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

/// <summary>The one median/percentile helper (Hyndman-Fan type 7, numpy's default) that statistics and benchmarks share.</summary>
public sealed class QuantilesTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 0.5, 3.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 0.5, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 10.0 }, 0.5, 2.5)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0 }, 0.25, 2.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.95, 3.85)] // numpy.percentile([1, 2, 3, 4], 95)
    [InlineData(new[] { 1.0, 2.0 }, 1.0, 2.0)]
    [InlineData(new[] { 1.0, 2.0 }, 0.0, 1.0)]
    public void Sorted_values_interpolate_between_order_statistics(double[] sorted, double probability, double expected)
    {
        Assert.Equal(expected, Quantiles.OfSorted(sorted, probability)!.Value, 12);
    }

    [Fact]
    public void Unsorted_values_give_the_quantile_of_their_sorted_copy()
    {
        var values = new List<double> { 10, 1, 3, 2 };

        Assert.Equal(Quantiles.OfSorted([1.0, 2.0, 3.0, 10.0], 0.5), Quantiles.Of(values, 0.5));
        Assert.Equal([10.0, 1, 3, 2], values);
    }

    [Fact]
    public void No_values_have_no_quantile()
    {
        Assert.Null(Quantiles.OfSorted([], 0.5));
        Assert.Null(Quantiles.Of([], 0.5));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        // What the benchmarks computed by hand before they used this helper: (a + b) / 2.
        double[] sorted = [0.0123, 0.0456, 0.0789, 0.1011];

        Assert.Equal((sorted[1] + sorted[2]) / 2, Quantiles.OfSorted(sorted, 0.5)!.Value, 15);
    }
}
