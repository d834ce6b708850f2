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
    public static MrmcTable? From(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded, List<string> messages) =>
        FromCounted(DiagnosisRows.Counted(rows, excluded, messages), messages);

    /// <summary>The table of rows <see cref="DiagnosisRows.Counted"/> has chosen already.</summary>
    internal static MrmcTable? FromCounted(IReadOnlyList<RatingRow> counted, List<string> messages)
    {
        var grid = FirstAnswers.Of(counted);
        var complete = grid.Complete("diagnosed", messages);
        if (complete.Count < 2)
        {
            messages.Add($"MRMC needs at least 2 raters who diagnosed every item; there {(complete.Count == 1 ? "is 1" : $"are {complete.Count}")}.");
            return null;
        }

        var items = grid.ItemRows;
        var tests = items.Select(i => i.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ratings = tests.Select(test => complete.Select(r => Enumerable.Range(0, items.Length).Select(i =>
            items[i].Source == test ? grid.Response(r, i) : double.NaN).ToArray()).ToArray()).ToArray();
        return new MrmcTable(tests, complete.Select(r => grid.Raters[r]).ToList(), grid.Items, items.Select(DiagnosisRows.IsMelanoma).ToArray(), ratings);
    }
}
