using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Tests.Studies;

public class StudyTrialsTests
{
    private static List<TrialItem> Items(int mainReals, int mainFakes, int catchReals = 0, int catchFakes = 0, int practiceReals = 0, int practiceFakes = 0)
    {
        var items = new List<TrialItem>();
        void Add(int n, RatingTruth truth, ItemRole role) => items.AddRange(Enumerable.Repeat(new TrialItem(truth, role), n));
        Add(mainReals, RatingTruth.Real, ItemRole.Main);
        Add(practiceFakes, RatingTruth.Fake, ItemRole.Practice);
        Add(mainFakes, RatingTruth.Fake, ItemRole.Main);
        Add(catchReals, RatingTruth.Real, ItemRole.Catch);
        Add(practiceReals, RatingTruth.Real, ItemRole.Practice);
        Add(catchFakes, RatingTruth.Fake, ItemRole.Catch);
        // Interleave the roles as a shuffled freeze would: the sequence must find each item by its role, not its place.
        return items.Select((item, i) => (item, key: i * 7919 % items.Count)).OrderBy(x => x.key).Select(x => x.item).ToList();
    }

    [Fact]
    public void A_study_without_practice_or_catch_keeps_the_rater_sequence_of_studies_started_before_either_existed()
    {
        var items = Items(10, 14);

        var trials = StudyTrials.Build(items, paired: false, 0.2, seed: 42);

        Assert.Equal(RaterSequence.Build(24, 0.2, 42).Select(s => (s.ItemIndex, s.RepeatIndex)), trials.Select(t => (t.ItemIndex, t.RepeatIndex)));
        Assert.All(trials, t => Assert.Equal(ItemRole.Main, t.Role));
    }

    [Fact]
    public void Practice_comes_first_and_catch_trials_are_mixed_among_the_main_ones_once_each()
    {
        var items = Items(6, 6, catchReals: 2, catchFakes: 3, practiceReals: 2, practiceFakes: 2);

        var trials = StudyTrials.Build(items, paired: false, 0.0, seed: 7);

        Assert.Equal(12 + 5 + 4, trials.Count);
        Assert.All(trials.Take(4), t => Assert.Equal(ItemRole.Practice, t.Role));
        Assert.DoesNotContain(trials.Skip(4), t => t.Role == ItemRole.Practice);
        var catches = trials.Where(t => t.Role == ItemRole.Catch).Select(t => t.ItemIndex).ToList();
        Assert.Equal(Enumerable.Range(0, items.Count).Where(i => items[i].Role == ItemRole.Catch).Order(), catches.Order());
        Assert.All(trials, t => Assert.Equal(t.Role, items[t.ItemIndex].Role));
        // Over many seeds a catch trial lands anywhere, not only at the end or the start.
        var firstCatch = Enumerable.Range(0, 200).Select(s => StudyTrials.Build(items, false, 0, (ulong)s).ToList().FindIndex(t => t.Role == ItemRole.Catch)).ToList();
        Assert.True(firstCatch.Distinct().Count() > 5);
    }

    [Fact]
    public void Paired_trials_show_each_fake_once_beside_a_real_of_the_same_role_with_balanced_sides()
    {
        var items = Items(5, 8, catchReals: 1, catchFakes: 2, practiceReals: 1, practiceFakes: 1);

        var trials = StudyTrials.Build(items, paired: true, 0.3, seed: 3);

        Assert.Equal(1 + 8 + 2, trials.Count);
        Assert.All(trials, t =>
        {
            Assert.True(t.Paired);
            Assert.Equal(RatingTruth.Fake, items[t.ItemIndex].Truth);
            Assert.Equal(RatingTruth.Real, items[t.RealIndex!.Value].Truth);
            Assert.Equal(t.Role, items[t.RealIndex.Value].Role);
            Assert.Equal(t.Role, items[t.ItemIndex].Role);
        });
        var main = trials.Where(t => t.Role == ItemRole.Main).ToList();
        Assert.Equal(8, main.Select(t => t.ItemIndex).Distinct().Count());
        Assert.Equal(4, main.Count(t => t.FakeOnLeft));
    }

    [Fact]
    public void A_further_practice_round_is_a_new_order_of_the_same_items_numbered_by_its_round()
    {
        var items = Items(4, 4, practiceReals: 3, practiceFakes: 3);

        var one = StudyTrials.Build(items, false, 0, seed: 11, practiceRounds: 1);
        var two = StudyTrials.Build(items, false, 0, seed: 11, practiceRounds: 2);

        Assert.Equal(one.Take(6), two.Take(6));
        var second = two.Skip(6).Take(6).ToList();
        Assert.All(second, t => Assert.Equal((ItemRole.Practice, 1), (t.Role, t.RepeatIndex)));
        Assert.Equal(one.Take(6).Select(t => t.ItemIndex).Order(), second.Select(t => t.ItemIndex).Order());
        Assert.Equal(one.Skip(6), two.Skip(12));
        Assert.Equal(6, StudyTrials.PracticeLength(items, false));
        Assert.Equal(8, StudyTrials.CountedLength(items, false, 0));
    }

    [Fact]
    public void The_counted_length_from_counts_equals_the_built_sequence()
    {
        foreach (var paired in new[] { false, true })
        {
            var items = Items(7, 9, catchReals: 2, catchFakes: 3, practiceReals: 2, practiceFakes: 2);
            var built = StudyTrials.Build(items, paired, 0.2, seed: 5).Count(t => t.Role != ItemRole.Practice);
            Assert.Equal(built, StudyTrials.CountedLength(paired ? RatingMode.Paired : RatingMode.Untimed, 0.2, 7, 9, 2, 3));
        }
    }
}
