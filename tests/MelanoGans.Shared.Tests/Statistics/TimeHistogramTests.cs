using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using static MelanoGans.Shared.Contracts.RatingTruth;
using static MelanoGans.Shared.Tests.Statistics.RatingRows;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class TimeHistogramTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-time-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Picks_the_smallest_round_width_within_the_bin_limit()
    {
        // By hand: max 9 999 ms in at most 20 bins: 200 ms needs 50 bins, 500 ms needs 20: width 500, 20 bins.
        var histogram = TimeHistogram.FromTimes([0, 499, 500, 9_999], maxBins: 20);

        Assert.Equal(500, histogram.BinWidthMs);
        Assert.Equal(20, histogram.Bins.Count);
        Assert.Equal([2, 1], histogram.Bins.Take(2).Select(b => b.Count));
        Assert.Equal(1, histogram.Bins[^1].Count);
        Assert.Equal(10_000, histogram.Bins[^1].ToMs);
        Assert.Equal(4, histogram.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void A_time_on_an_edge_opens_a_new_bin()
    {
        // By hand: max 10 000 with 20 bins: 500 ms would give 21 bins, so 1 000 ms; 10 000 lies in [10 000, 11 000).
        var histogram = TimeHistogram.FromTimes([10_000], maxBins: 20);

        Assert.Equal(1_000, histogram.BinWidthMs);
        Assert.Equal(11, histogram.Bins.Count);
        Assert.Equal(new TimeBin(10_000, 11_000, 1), histogram.Bins[^1]);
    }

    [Fact]
    public void No_answers_give_no_bins()
    {
        var histogram = TimeHistogram.Compute([]);

        Assert.Equal(0, histogram.Answers);
        Assert.Empty(histogram.Bins);
    }

    [Fact]
    public void Counts_first_answers_only()
    {
        RatingRow[] rows = [Row("a", "f1", Fake, 2, activeMs: 1200), Row("a", "f1", Fake, 5, repeat: true, activeMs: 90_000)];

        var histogram = TimeHistogram.Compute(rows);

        Assert.Equal(1, histogram.Answers);
        Assert.Equal(1, histogram.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void Counts_match_numpy_histogram_on_the_same_edges()
    {
        // Reference: numpy.histogram of active_ms over the first answers, with our bin edges.
        var rows = SyntheticRatings.Generate(raters: 5, items: 60, seed: 8, missingShare: 0.1, repeatShare: 0.1);
        var histogram = TimeHistogram.Compute(rows);
        var path = Path.Combine(_directory, "ratings.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(rows));
        var edges = histogram.Bins.Select(b => b.FromMs).Append(histogram.Bins[^1].ToMs);

        var python = DashboardReference.Run(path, edges).GetProperty("histogram").EnumerateArray().Select(e => e.GetInt32());

        Assert.Equal(python, histogram.Bins.Select(b => b.Count));
        Assert.InRange(histogram.Bins.Count, 2, TimeHistogram.DefaultMaxBins);
    }
}
