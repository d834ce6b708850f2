using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Studies;

/// <summary>
/// A rater's whole sequence: the practice rounds first, then the study's items (6-point: <see cref="RaterSequence"/>;
/// paired: <see cref="PairedSequence"/>) with the catch trials placed among them at seeded positions.
/// </summary>
/// <remarks>
/// A study without practice or catch items gives exactly <see cref="RaterSequence"/>'s order, so studies started before
/// either existed keep their raters' places. Catch positions depend on the counts and the seed only.
/// </remarks>
public static class StudyTrials
{
    /// <summary>The sequence of one rater.</summary>
    /// <param name="items">The study's items ordered by id.</param>
    /// <param name="paired">True for a paired-choice (2AFC) study.</param>
    /// <param name="repeatShare">Share of main items shown twice (6-point studies only).</param>
    /// <param name="seed">The rater's order seed.</param>
    /// <param name="practiceRounds">How many practice rounds the rater has been given (a failed round adds one).</param>
    public static IReadOnlyList<Trial> Build(IReadOnlyList<TrialItem> items, bool paired, double repeatShare, ulong seed, int practiceRounds = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        var trials = new List<Trial>();
        for (var round = 0; round < practiceRounds; round++)
            trials.AddRange(Set(items, ItemRole.Practice, paired, 0, PhantomRandom.Mix(seed, 0x9AC7 + (ulong)round), round));

        var main = Set(items, ItemRole.Main, paired, repeatShare, seed, 0);
        var catches = Set(items, ItemRole.Catch, paired, 0, PhantomRandom.Mix(seed, 0xCA7C), 0);
        var random = new PhantomRandom(PhantomRandom.Mix(seed, 0xCA7CF));
        foreach (var trial in catches)
            main.Insert(random.Next(0, main.Count + 1), trial);
        trials.AddRange(main);
        return trials;
    }

    /// <summary>How many trials a rater answers outside practice: the main trials and the catch trials.</summary>
    public static int CountedLength(IReadOnlyList<TrialItem> items, bool paired, double repeatShare) =>
        Build(items, paired, repeatShare, 0, practiceRounds: 0).Count;

    /// <summary>
    /// <see cref="CountedLength(IReadOnlyList{TrialItem}, bool, double)"/> from counts alone: for a study's list, a draft's
    /// set-up, or frozen items grouped by truth and role (the length does not depend on their order).
    /// </summary>
    public static int CountedLength(RatingMode mode, double repeatShare, int mainReals, int mainFakes, int catchReals, int catchFakes) =>
        CountedLength(
            [.. Enumerable.Repeat(new TrialItem(RatingTruth.Real, ItemRole.Main), mainReals),
             .. Enumerable.Repeat(new TrialItem(RatingTruth.Fake, ItemRole.Main), mainFakes),
             .. Enumerable.Repeat(new TrialItem(RatingTruth.Real, ItemRole.Catch), catchReals),
             .. Enumerable.Repeat(new TrialItem(RatingTruth.Fake, ItemRole.Catch), catchFakes)],
            mode == RatingMode.Paired, repeatShare);

    /// <summary>How many trials one practice round has.</summary>
    public static int PracticeLength(IReadOnlyList<TrialItem> items, bool paired) =>
        Set(items, ItemRole.Practice, paired, 0, 0, 0).Count;

    // The trials of the items of one role, in a seeded order.
    private static List<Trial> Set(IReadOnlyList<TrialItem> items, ItemRole role, bool paired, double repeatShare, ulong seed, int repeatIndex)
    {
        var indices = Enumerable.Range(0, items.Count).Where(i => items[i].Role == role).ToList();
        if (paired)
        {
            var fakes = indices.Where(i => items[i].Truth == RatingTruth.Fake).ToList();
            var reals = indices.Where(i => items[i].Truth == RatingTruth.Real).ToList();
            if (fakes.Count == 0 || reals.Count == 0) return [];
            return PairedSequence.Build(fakes.Count, reals.Count, seed)
                .Select(t => new Trial(role, fakes[t.FakeIndex], repeatIndex, reals[t.RealIndex], t.FakeOnLeft)).ToList();
        }
        return RaterSequence.Build(indices.Count, repeatShare, seed)
            .Select(s => new Trial(role, indices[s.ItemIndex], s.RepeatIndex + repeatIndex)).ToList();
    }
}
