using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics.Diagnosis;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// A diagnosis study's ratings table as an MRMC table: each source (the real dataset, each generator) is a test, a
/// melanoma is truth 1 and every other class truth 0, the rating is the melanoma scale (higher = more likely
/// melanoma), and each item belongs to its own source only (the union design: the tests do not share cases).
/// </summary>
/// <remarks>
/// Only each rater's first diagnosis answers enter (no practice, catch or repeat row; excluded raters never), only items
/// of known class, and only raters who answered every such item: the rest are named in the messages.
/// </remarks>
public static class MrmcDiagnosisTable
{
    /// <summary>The table of <paramref name="rows"/>, or null with the reason in <paramref name="messages"/>.</summary>
    public static MrmcTable? From(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded, List<string> messages)
    {
        var counted = DiagnosisRows.Counted(rows, excluded, messages);
        var items = counted.GroupBy(r => r.Item, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Item: g.Key, g.First().Source, Melanoma: DiagnosisRows.IsMelanoma(g.First()))).ToList();
        var answers = new Dictionary<(string Rater, string Item), int>();
        foreach (var row in counted) answers.TryAdd((row.Rater, row.Item), row.Response);
        var raters = counted.Select(r => r.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var complete = raters.Where(r => items.All(i => answers.ContainsKey((r, i.Item)))).ToList();
        foreach (var rater in raters.Except(complete))
        {
            var missing = items.Count(i => !answers.ContainsKey((rater, i.Item)));
            messages.Add($"Rater '{rater}' has not diagnosed {missing} of the {items.Count} items and is left out of the MRMC analysis (every reader must read every case).");
        }

        if (complete.Count < 2)
        {
            messages.Add($"MRMC needs at least 2 raters who diagnosed every item; there {(complete.Count == 1 ? "is 1" : $"are {complete.Count}")}.");
            return null;
        }

        var tests = items.Select(i => i.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ratings = tests.Select(test => complete.Select(rater => items.Select(i =>
            i.Source == test ? answers[(rater, i.Item)] : double.NaN).ToArray()).ToArray()).ToArray();
        return new MrmcTable(tests, complete, items.Select(i => i.Item).ToList(), items.Select(i => i.Melanoma).ToArray(), ratings);
    }
}
