using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Tests.Studies;

public class PairedSequenceTests
{
    [Theory]
    [InlineData(10, 10)]
    [InlineData(11, 4)]
    [InlineData(7, 20)]
    [InlineData(1, 1)]
    public void Every_fake_once_reals_evenly_and_sides_balanced(int fakes, int reals)
    {
        var trials = PairedSequence.Build(fakes, reals, seed: 42);

        Assert.Equal(Enumerable.Range(0, fakes), trials.Select(t => t.FakeIndex).Order());
        Assert.All(trials, t => Assert.InRange(t.RealIndex, 0, reals - 1));
        // Each real appears floor(fakes / reals) or ceil(fakes / reals) times.
        var perReal = Enumerable.Range(0, reals).Select(r => trials.Count(t => t.RealIndex == r));
        Assert.All(perReal, count => Assert.InRange(count, fakes / reals, (fakes + reals - 1) / reals));
        Assert.Equal(fakes / 2, trials.Count(t => t.FakeOnLeft));
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials_and_raters_differ()
    {
        Assert.Equal(PairedSequence.Build(40, 30, 7), PairedSequence.Build(40, 30, 7));
        Assert.NotEqual(PairedSequence.Build(40, 30, 7), PairedSequence.Build(40, 30, 8));
    }

    [Fact]
    public void Sides_are_not_a_pattern_a_rater_could_learn()
    {
        // Over many raters the fake is on the left at each place about half of the time, not alternating or blocked.
        var left = new int[20];
        for (ulong seed = 1; seed <= 2000; seed++)
        {
            var trials = PairedSequence.Build(20, 20, seed);
            for (var t = 0; t < 20; t++) left[t] += trials[t].FakeOnLeft ? 1 : 0;
        }

        Assert.All(left, count => Assert.InRange(count / 2000.0, 0.44, 0.56));
    }

    [Fact]
    public void No_fakes_no_trials_and_fakes_without_reals_are_refused()
    {
        Assert.Empty(PairedSequence.Build(0, 5, 1));
        Assert.Throws<ArgumentException>(() => PairedSequence.Build(3, 0, 1));
    }
}
