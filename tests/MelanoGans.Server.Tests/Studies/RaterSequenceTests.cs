using MelanoGans.Shared.Studies;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>The rater's order: a seeded shuffle with spaced repeats.</summary>
public sealed class RaterSequenceTests
{
    [Theory]
    [InlineData(10, 0.1, 1UL)]
    [InlineData(40, 0.1, 2UL)]
    [InlineData(300, 0.1, 3UL)]
    [InlineData(300, 0.5, 4UL)]
    [InlineData(7, 0.3, 5UL)]
    public void Every_item_once_and_the_repeats_spaced_after_their_first_showing(int items, double share, ulong seed)
    {
        var sequence = RaterSequence.Build(items, share, seed);

        var firsts = sequence.Where(s => s.RepeatIndex == 0).Select(s => s.ItemIndex).ToList();
        Assert.Equal(Enumerable.Range(0, items), firsts.Order());
        var repeats = sequence.Where(s => s.RepeatIndex == 1).ToList();
        Assert.Equal(RaterSequence.RepeatCount(items, share), repeats.Count);
        Assert.True(repeats.Count >= 1);
        Assert.Equal(repeats.Count, repeats.Select(r => r.ItemIndex).Distinct().Count());
        foreach (var repeat in repeats)
        {
            var first = sequence.ToList().IndexOf(repeat with { RepeatIndex = 0 });
            var second = sequence.ToList().IndexOf(repeat);
            Assert.True(second - first >= RaterSequence.MinimumGap(items),
                $"item {repeat.ItemIndex} repeated {second - first} places after its first showing");
        }
    }

    [Fact]
    public void Ten_percent_of_three_hundred_items_are_repeated_a_third_of_the_study_apart()
    {
        Assert.Equal(30, RaterSequence.RepeatCount(300, 0.1));
        Assert.Equal(100, RaterSequence.MinimumGap(300));
        Assert.Equal(0, RaterSequence.RepeatCount(300, 0));
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_other_seeds_other_orders()
    {
        var a = RaterSequence.Build(50, 0.1, 42);
        Assert.Equal(a, RaterSequence.Build(50, 0.1, 42));

        var orders = Enumerable.Range(0, 20).Select(s => string.Join(",", RaterSequence.Build(50, 0.1, (ulong)s))).ToHashSet();
        Assert.Equal(20, orders.Count);
    }

    [Fact]
    public void The_shuffle_is_not_the_identity_and_moves_items_uniformly()
    {
        // Over many seeds, item 0 lands in each half of the first showings about equally often.
        var firstHalf = 0;
        for (ulong seed = 0; seed < 2000; seed++)
        {
            var firsts = RaterSequence.Build(20, 0, seed).Select(s => s.ItemIndex).ToList();
            if (firsts.IndexOf(0) < 10) firstHalf++;
        }
        Assert.InRange(firstHalf, 900, 1100);
    }
}
