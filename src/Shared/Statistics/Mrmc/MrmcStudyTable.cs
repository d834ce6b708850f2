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
        var counted = rows.Where(r => !r.IsPractice && !r.IsCatch && !r.IsRepeat && !excluded.Contains(r.Rater)).ToList();
        if (counted.Count > 0 && counted.All(r => r.Mode == RatingMode.Paired))
        {
            messages.Add("Paired (2AFC) trials have no rating scale, so there is no ROC curve to analyse: read the paired score instead.");
            return null;
        }

        var scored = counted.Where(r => r.Mode != RatingMode.Paired).ToList();
        var items = scored.GroupBy(r => r.Item, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (g.First().Truth, g.First().Source), StringComparer.Ordinal);
        var answers = new Dictionary<(string Rater, string Item), int>();
        foreach (var row in scored) answers.TryAdd((row.Rater, row.Item), row.Response);
        var raters = scored.Select(r => r.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var complete = raters.Where(r => items.Keys.All(i => answers.ContainsKey((r, i)))).ToList();
        foreach (var rater in raters.Except(complete))
        {
            var missing = items.Keys.Count(i => !answers.ContainsKey((rater, i)));
            messages.Add($"Rater '{rater}' has not answered {missing} of the {items.Count} items and is left out of the MRMC analysis (every reader must read every case).");
        }

        var tests = items.Values.Where(i => i.Truth == RatingTruth.Fake).Select(i => i.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (complete.Count < 2 || tests.Count == 0 || items.Values.All(i => i.Truth == RatingTruth.Fake))
        {
            messages.Add(complete.Count < 2
                ? $"MRMC needs at least 2 raters who answered every item; there {(complete.Count == 1 ? "is 1" : $"are {complete.Count}")}."
                : "MRMC needs both real and generated items.");
            return null;
        }

        var cases = items.Keys.Order(StringComparer.Ordinal).ToList();
        var ratings = tests.Select(test => complete.Select(rater => cases.Select(c =>
        {
            var (truth, source) = items[c];
            return truth == RatingTruth.Real || source == test ? RatingRow.MaxResponse + 1.0 - answers[(rater, c)] : double.NaN;
        }).ToArray()).ToArray()).ToArray();
        return new MrmcTable(tests, complete, cases, cases.Select(c => items[c].Truth == RatingTruth.Fake).ToArray(), ratings);
    }
}
