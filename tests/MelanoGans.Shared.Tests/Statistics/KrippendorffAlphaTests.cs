using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class KrippendorffAlphaTests
{
    // Reference: Krippendorff K. (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    // Communication, University of Pennsylvania, section C ("nominal data, any number of observers, missing
    // data"): 4 observers, 12 units, values 1-5, missing ratings. Published alpha: nominal .743,
    // ordinal .815, interval .849.
    private static readonly int?[][] Observers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    internal static int[][] UnitCounts(int?[][] observers, int levels)
    {
        var units = observers[0].Length;
        var counts = new int[units][];
        for (var u = 0; u < units; u++)
        {
            counts[u] = new int[levels];
            foreach (var observer in observers)
            {
                if (observer[u] is { } value)
                {
                    counts[u][value - 1]++;
                }
            }
        }

        return counts;
    }

    [Theory]
    [InlineData(KrippendorffLevel.Nominal, 0.743)]
    [InlineData(KrippendorffLevel.Ordinal, 0.815)]
    [InlineData(KrippendorffLevel.Interval, 0.849)]
    public void Reproduces_Krippendorff_2011_worked_example(KrippendorffLevel level, double published)
    {
        var alpha = KrippendorffAlpha.Compute(UnitCounts(Observers, 5), level);

        Assert.Equal(published, alpha!.Value, 0.0005);
    }

    [Fact]
    public void Units_with_one_value_do_not_count()
    {
        var counts = UnitCounts(Observers, 5);
        var withoutUnit12 = counts.Take(11).ToArray();

        Assert.Equal(
            KrippendorffAlpha.Compute(withoutUnit12, KrippendorffLevel.Nominal)!.Value,
            KrippendorffAlpha.Compute(counts, KrippendorffLevel.Nominal)!.Value,
            12);
    }

    [Fact]
    public void All_values_equal_is_undefined()
    {
        Assert.Null(KrippendorffAlpha.Compute([[3, 0], [2, 0]], KrippendorffLevel.Nominal));
        Assert.Null(KrippendorffAlpha.Compute([[1, 0]], KrippendorffLevel.Nominal));
    }

    [Fact]
    public void Bootstrap_is_seeded_and_brackets_the_estimate()
    {
        var counts = UnitCounts(Observers, 5);
        Func<double[], double?> nominal = o => KrippendorffAlpha.FromCoincidences(o, 5, KrippendorffLevel.Nominal);

        var first = UnitBootstrap.Percentile(counts, [nominal], 500, seed: 7)[0];
        var again = UnitBootstrap.Percentile(counts, [nominal], 500, seed: 7)[0];
        var other = UnitBootstrap.Percentile(counts, [nominal], 500, seed: 8)[0];

        Assert.Equal(first, again);
        Assert.NotEqual(first.Lower, other.Lower);
        Assert.InRange(0.743, first.Lower!.Value, first.Upper!.Value);
    }
}
