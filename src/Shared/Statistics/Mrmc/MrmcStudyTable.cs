using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// A studio ratings table as an MRMC table: each generator (the source of a fake) is a test, fakes are truth 1 and
/// belong to their generator, reals are truth 0 and count under every generator (a split design), and the rating
/// is 7 - response, so higher means "more likely generated".
/// </summary>
/// <remarks>
/// Only each rater's first 6-point answers enter (no practice, catch, repeat or paired row; excluded raters never),
/// timed ones included, and only raters who answered every item: the rest are named in the messages.
/// </remarks>
public static class MrmcStudyTable
{
    /// <summary>The table of <paramref name="rows"/>, or null with the reason in <paramref name="messages"/>.</summary>
    public static MrmcTable? From(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded, List<string> messages)
    {
        var counted = rows.Where(r => r.Task == RatingTask.Realism && !r.IsPractice && !r.IsCatch && !r.IsRepeat && !excluded.Contains(r.Rater)).ToList();
        if (counted.Count > 0 && counted.All(r => r.Mode == RatingMode.Paired))
        {
            messages.Add("Paired (2AFC) trials have no rating scale, so there is no ROC curve to analyse: read the paired score instead.");
            return null;
        }

        var scored = counted.Where(r => r.Mode != RatingMode.Paired).ToList();
        // Raters and items as indices (ordinal order), and each rater's first answer per item in one array: no
        // string-keyed lookups per cell.
        var itemNames = scored.Select(r => r.Item).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var raters = scored.Select(r => r.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var itemIndex = Index(itemNames);
        var raterIndex = Index(raters);
        var truth = new RatingTruth[itemNames.Count];
        var source = new string[itemNames.Count];
        var answer = new int[raters.Count * itemNames.Count];
        foreach (var row in Enumerable.Reverse(scored))
        {
            // Read backwards, so the first row of an item (its truth and source) and of a rater's answer is written last.
            var i = itemIndex[row.Item];
            (truth[i], source[i]) = (row.Truth, row.Source);
            answer[raterIndex[row.Rater] * itemNames.Count + i] = row.Response;
        }

        var complete = new List<int>();
        for (var r = 0; r < raters.Count; r++)
        {
            var missing = answer.AsSpan(r * itemNames.Count, itemNames.Count).Count(0);
            if (missing == 0) complete.Add(r);
            else messages.Add($"Rater '{raters[r]}' has not answered {missing} of the {itemNames.Count} items and is left out of the MRMC analysis (every reader must read every case).");
        }

        var tests = Enumerable.Range(0, itemNames.Count).Where(i => truth[i] == RatingTruth.Fake).Select(i => source[i])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (complete.Count < 2 || tests.Count == 0 || truth.All(t => t == RatingTruth.Fake))
        {
            messages.Add(complete.Count < 2
                ? $"MRMC needs at least 2 raters who answered every item; there {(complete.Count == 1 ? "is 1" : $"are {complete.Count}")}."
                : "MRMC needs both real and generated items.");
            return null;
        }

        var ratings = tests.Select(test => complete.Select(r => Enumerable.Range(0, itemNames.Count).Select(i =>
            truth[i] == RatingTruth.Real || source[i] == test ? RatingRow.MaxResponse + 1.0 - answer[r * itemNames.Count + i] : double.NaN)
            .ToArray()).ToArray()).ToArray();
        return new MrmcTable(tests, complete.Select(r => raters[r]).ToList(), itemNames, truth.Select(t => t == RatingTruth.Fake).ToArray(), ratings);
    }

    private static Dictionary<string, int> Index(List<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        return index;
    }
}
