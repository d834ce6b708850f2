using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Studies;

/// <summary>
/// A rater's order of a study's items: a seeded shuffle plus a share of items shown a second time, each
/// repeat placed well after its first showing. The same seed always gives the same order (resume on any
/// device); raters get different seeds, so no two share an order.
/// </summary>
/// <remarks>
/// The order is computed from the item count and the seed only, never from the items themselves, so it
/// cannot depend on whether an item is real or generated.
/// </remarks>
public static class RaterSequence
{
    /// <summary>How many items are shown twice: <paramref name="repeatShare"/> of the items, rounded, at least
    /// one when the share is positive and there are enough items to space a repeat.</summary>
    public static int RepeatCount(int itemCount, double repeatShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        if (repeatShare <= 0 || itemCount < 3) return 0;
        var count = Math.Max(1, (int)Math.Round(itemCount * Math.Min(repeatShare, 1.0), MidpointRounding.AwayFromZero));
        // A repeat must sit at least MinimumGap after its first showing, so only items in the first
        // itemCount - gap places can be repeated.
        return Math.Min(count, itemCount - MinimumGap(itemCount));
    }

    /// <summary>The fewest places between an item and its repeat: a third of the items, at least two, so a
    /// rater does not simply remember the last answer.</summary>
    public static int MinimumGap(int itemCount) => Math.Clamp(itemCount / 3, 2, Math.Max(2, itemCount - 1));

    /// <summary>The full sequence: every item once in shuffled order, plus the repeats.</summary>
    public static IReadOnlyList<SequenceSlot> Build(int itemCount, double repeatShare, ulong seed)
    {
        var random = new PhantomRandom(seed);
        var order = Enumerable.Range(0, itemCount).ToArray();
        Shuffle(order, random);
        var slots = order.Select(i => new SequenceSlot(i, 0)).ToList();

        var repeats = RepeatCount(itemCount, repeatShare);
        if (repeats == 0) return slots;
        var gap = MinimumGap(itemCount);
        // Candidates are first showings early enough to leave room for the gap; pick some at random.
        var candidates = Enumerable.Range(0, itemCount - gap).ToArray();
        Shuffle(candidates, random);
        // Materialised before inserting: positions shift with every insertion.
        var chosen = candidates.Take(repeats).Select(p => slots[p]).ToList();
        foreach (var firstPosition in chosen)
        {
            // Inserting never shortens the distance between two slots already placed, so every earlier
            // repeat keeps its gap; the current position of the first showing is looked up again.
            var current = slots.IndexOf(firstPosition);
            var at = random.Next(current + gap, slots.Count + 1);
            slots.Insert(at, firstPosition with { RepeatIndex = 1 });
        }
        return slots;
    }

    private static void Shuffle(int[] values, PhantomRandom random)
    {
        // Fisher-Yates: every permutation equally likely.
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
