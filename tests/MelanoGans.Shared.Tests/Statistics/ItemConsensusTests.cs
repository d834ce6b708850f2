using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using static MelanoGans.Shared.Contracts.RatingTruth;
using static MelanoGans.Shared.Tests.Statistics.RatingRows;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class ItemConsensusTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-items-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Worked_example_orders_convincing_fakes_and_unconvincing_reals_first()
    {
        // By hand: f1 responses {5, 6, 2}: mean 13/3, 2 of 3 called real (mistaken 2/3).
        // f2 {1, 2, 3}: mean 2, mistaken 0. r1 {1, 2, 5}: mean 8/3, 2 of 3 called fake (mistaken 2/3).
        // r2 {6, 6, 5}: mistaken 0. Order: share mistaken, then the lean the wrong way (a fake's mean, minus a
        // real's mean): f1 (4.33) before r1 (-2.67), then f2 (2) before r2 (-5.67).
        RatingRow[] rows =
        [
            Row("a", "f1", Fake, 5, ["blur"]), Row("b", "f1", Fake, 6), Row("c", "f1", Fake, 2, ["blur", "hair", "blur"]),
            Row("a", "f2", Fake, 1, ["checkerboard"]), Row("b", "f2", Fake, 2), Row("c", "f2", Fake, 3),
            Row("a", "r1", Real, 1), Row("b", "r1", Real, 2), Row("c", "r1", Real, 5),
            Row("a", "r2", Real, 6), Row("b", "r2", Real, 6), Row("c", "r2", Real, 5),
            Row("a", "f1", Fake, 1, repeat: true),
        ];

        var items = ItemConsensus.Compute(rows);

        Assert.Equal(["f1", "r1", "f2", "r2"], items.Select(i => i.Item));
        var f1 = items[0];
        Assert.Equal(3, f1.Ratings);
        Assert.Equal(13 / 3.0, f1.MeanResponse, 12);
        Assert.Equal(2 / 3.0, f1.ShareCalledReal, 12);
        Assert.Equal(2 / 3.0, f1.ShareMistaken, 12);
        Assert.Equal([new TagCount("blur", 2), new TagCount("hair", 1)], f1.Tags);
        Assert.Equal(1 / 3.0, items[1].ShareCalledReal, 12);
        Assert.Equal(2 / 3.0, items[1].ShareMistaken, 12);
        Assert.Equal("dcgan", items[2].Source);
        Assert.Empty(items[3].Tags);
    }

    [Fact]
    public void Means_and_shares_match_numpy()
    {
        // Reference: dashboard_reference.py, numpy mean of the first responses per item and mean(response >= 4).
        var rows = SyntheticRatings.Generate(raters: 5, items: 60, seed: 3, missingShare: 0.3, repeatShare: 0.1);
        var path = Path.Combine(_directory, "ratings.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(rows));
        var python = DashboardReference.Run(path, [0, 1]).GetProperty("items");

        var items = ItemConsensus.Compute(rows);

        Assert.Equal(python.EnumerateObject().Count(), items.Count);
        foreach (var item in items)
        {
            var expected = python.GetProperty(item.Item);
            Assert.Equal(expected.GetProperty("n").GetInt32(), item.Ratings);
            Assert.Equal(expected.GetProperty("mean").GetDouble(), item.MeanResponse, 12);
            Assert.Equal(expected.GetProperty("real").GetDouble(), item.ShareCalledReal, 12);
        }

        for (var i = 1; i < items.Count; i++)
        {
            Assert.True(items[i - 1].ShareMistaken >= items[i].ShareMistaken, "items are sorted by the share mistaken");
        }
    }

    [Fact]
    public void An_item_with_only_a_repeat_is_left_out()
    {
        RatingRow[] rows = [Row("a", "f1", Fake, 2), Row("a", "f9", Fake, 5, repeat: true)];

        Assert.Equal(["f1"], ItemConsensus.Compute(rows).Select(i => i.Item));
    }
}
