using MelanoGans.Shared.Randomness;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class CrossedBootstrapTests
{
    /// <summary>50 raters x 400 items, a rater's error rate between 0.2 and 0.6, some cells missing.</summary>
    private static readonly List<(int Rater, int Item, bool Error)> Answers = Generate();

    private static List<(int Rater, int Item, bool Error)> Generate()
    {
        var random = new Random(11);
        var answers = new List<(int, int, bool)>();
        for (var r = 0; r < 50; r++)
        {
            var rate = 0.2 + 0.4 * r / 49.0;
            for (var i = 0; i < 400; i++)
            {
                if (random.NextDouble() < 0.1) continue;
                answers.Add((1000 + r, 7 * i, random.NextDouble() < rate));
            }
        }

        return answers;
    }

    [Fact]
    public void The_interval_is_the_same_on_one_thread_and_on_many()
    {
        var one = CrossedBootstrap.ErrorRate(Answers, 500, seed: 5, threads: 1);
        var many = CrossedBootstrap.ErrorRate(Answers, 500, seed: 5, threads: 8);
        var machine = CrossedBootstrap.ErrorRate(Answers, 500, seed: 5);

        Assert.Equal(one, many);
        Assert.Equal(one, machine);
        Assert.NotEqual(one, CrossedBootstrap.ErrorRate(Answers, 500, seed: 6, threads: 1));
    }

    [Fact]
    public void Each_resample_pools_the_drawn_raters_answers_on_the_drawn_items()
    {
        // An independent count: every answer of each drawn rater, as often as its item was drawn, with the documented
        // seeds (one per resample from the study's seed; raters drawn first, then items).
        var interval = CrossedBootstrap.ErrorRate(Answers, 200, seed: 9, threads: 1)!;
        var raters = Answers.Select(a => a.Rater).Distinct().ToList();
        var items = Answers.Select(a => a.Item).Distinct().ToList();
        var seeds = new Random(9);
        var rates = new List<double>();
        for (var b = 0; b < 200; b++)
        {
            var random = new Xoshiro256((ulong)seeds.Next());
            var drawnRaters = raters.Select(_ => raters[random.Next(raters.Count)]).ToList();
            var drawnItems = items.Select(_ => items[random.Next(items.Count)]).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
            var byRater = Answers.ToLookup(a => a.Rater);
            long n = 0, e = 0;
            foreach (var rater in drawnRaters)
            {
                foreach (var answer in byRater[rater])
                {
                    var times = drawnItems.GetValueOrDefault(answer.Item);
                    n += times;
                    e += answer.Error ? times : 0;
                }
            }
            rates.Add((double)e / n);
        }
        rates.Sort();

        Assert.Equal(Quantiles.OfSorted(rates.ToArray(), 0.025)!.Value, interval.Lower!.Value, 12);
        Assert.Equal(Quantiles.OfSorted(rates.ToArray(), 0.975)!.Value, interval.Upper!.Value, 12);
        Assert.Equal((200, 0), (interval.Resamples, interval.Undefined));
    }

    [Fact]
    public void One_raters_interval_is_the_bootstrap_over_their_items()
    {
        // 300 items answered once, 90 of them wrongly. The general definition, simulated directly: draw 300 items with
        // replacement and count the drawn errors. The binomial shortcut must give the same percentiles (to Monte Carlo
        // error, well under one item in 300).
        var answers = Enumerable.Range(0, 300).Select(i => (Rater: 4, Item: 3 * i, Error: i % 10 < 3)).ToList();
        var interval = CrossedBootstrap.ErrorRate(answers, 20_000, seed: 3)!;
        var random = new Random(1);
        var rates = new double[20_000];
        for (var b = 0; b < rates.Length; b++)
        {
            var errors = 0;
            for (var i = 0; i < 300; i++) errors += answers[random.Next(300)].Error ? 1 : 0;
            rates[b] = errors / 300.0;
        }
        Array.Sort(rates);

        Assert.Equal(Quantiles.OfSorted(rates, 0.025)!.Value, interval.Lower!.Value, 0.005);
        Assert.Equal(Quantiles.OfSorted(rates, 0.975)!.Value, interval.Upper!.Value, 0.005);
        Assert.Equal(interval, CrossedBootstrap.ErrorRate(answers, 20_000, seed: 3, threads: 1));
        var none = CrossedBootstrap.ErrorRate(answers.Select(a => a with { Error = false }).ToList(), 100, seed: 3)!;
        Assert.Equal((0.0, 0.0), (none.Lower!.Value, none.Upper!.Value));
    }
}
