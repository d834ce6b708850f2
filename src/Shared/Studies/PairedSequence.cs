using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Studies;

/// <summary>
/// A rater's paired-choice (2AFC) trials: every fake once, in a seeded shuffled order, each beside a real. Reals are
/// dealt from a seeded shuffle and dealt again when the fakes outnumber them, so each real appears equally often
/// (to within one). Sides are balanced: the fake is on the left in exactly half of the trials (one more on the right
/// for an odd count), in a seeded shuffled pattern, so neither the side nor a run of sides tells which is real.
/// </summary>
/// <remarks>
/// Like <see cref="RaterSequence"/>, the order depends on the counts and the seed only, never on the images.
/// </remarks>
public static class PairedSequence
{
    /// <summary>The trials of one rater.</summary>
    /// <param name="fakes">How many fake items the study has.</param>
    /// <param name="reals">How many real items (at least one when there are fakes).</param>
    /// <param name="seed">The rater's order seed.</param>
    public static IReadOnlyList<PairedTrial> Build(int fakes, int reals, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fakes);
        ArgumentOutOfRangeException.ThrowIfNegative(reals);
        if (fakes == 0) return [];
        if (reals == 0) throw new ArgumentException("Paired choice needs at least one real item.", nameof(reals));

        var random = new PhantomRandom(PhantomRandom.Mix(seed, 0x2AFC));
        var fakeOrder = Shuffled(fakes, random);
        var realDeck = Shuffled(reals, random);
        var sides = new bool[fakes];
        for (var i = 0; i < fakes / 2; i++) sides[i] = true;
        Shuffle(sides, random);

        var trials = new PairedTrial[fakes];
        for (var t = 0; t < fakes; t++)
        {
            if (t > 0 && t % reals == 0) realDeck = Shuffled(reals, random); // a fresh deal of the reals
            trials[t] = new PairedTrial(fakeOrder[t], realDeck[t % reals], sides[t]);
        }

        return trials;
    }

    private static int[] Shuffled(int count, PhantomRandom random)
    {
        var values = Enumerable.Range(0, count).ToArray();
        Shuffle(values, random);
        return values;
    }

    private static void Shuffle<T>(T[] values, PhantomRandom random)
    {
        // Fisher-Yates: every permutation equally likely.
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
