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

        var grid = FirstAnswers.Of(counted.Where(r => r.Mode != RatingMode.Paired).ToList());
        var complete = grid.Complete("answered", messages);
        var items = grid.ItemRows;
        var tests = items.Where(i => i.Truth == RatingTruth.Fake).Select(i => i.Source)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (complete.Count < 2 || tests.Count == 0 || items.All(i => i.Truth == RatingTruth.Fake))
        {
            messages.Add(complete.Count < 2
                ? $"MRMC needs at least 2 raters who answered every item; there {(complete.Count == 1 ? "is 1" : $"are {complete.Count}")}."
                : "MRMC needs both real and generated items.");
            return null;
        }

        var ratings = tests.Select(test => complete.Select(r => Enumerable.Range(0, items.Length).Select(i =>
            items[i].Truth == RatingTruth.Real || items[i].Source == test ? RatingRow.MaxResponse + 1.0 - grid.Response(r, i) : double.NaN)
            .ToArray()).ToArray()).ToArray();
        return new MrmcTable(tests, complete.Select(r => grid.Raters[r]).ToList(), grid.Items, items.Select(i => i.Truth == RatingTruth.Fake).ToArray(), ratings);
    }
}
