using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// The reader x case grid both study tables are made from: items and raters in ordinal order, each item's first row
/// (its truth, source and class) and each rater's first response per item, indexed by integers.
/// </summary>
internal sealed class FirstAnswers
{
    private readonly int[] _response;

    private FirstAnswers(List<string> items, List<string> raters, RatingRow[] itemRows, int[] response)
    {
        Items = items;
        Raters = raters;
        ItemRows = itemRows;
        _response = response;
    }

    public List<string> Items { get; }

    public List<string> Raters { get; }

    /// <summary>The first row of each item, in <see cref="Items"/>' order.</summary>
    public RatingRow[] ItemRows { get; }

    /// <summary>The response of rater <paramref name="rater"/> to item <paramref name="item"/> (indices).</summary>
    public int Response(int rater, int item) => _response[rater * Items.Count + item];

    /// <summary>Rows of 6-point answers only: a response of 0 means "not answered".</summary>
    public static FirstAnswers Of(IReadOnlyList<RatingRow> rows)
    {
        var items = rows.Select(r => r.Item).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var raters = rows.Select(r => r.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var itemIndex = Index(items);
        var raterIndex = Index(raters);
        var itemRows = new RatingRow[items.Count];
        var response = new int[raters.Count * items.Count];
        // Read backwards, so the first row of an item and a rater's first answer to it are written last.
        for (var k = rows.Count - 1; k >= 0; k--)
        {
            var row = rows[k];
            var i = itemIndex[row.Item];
            itemRows[i] = row;
            response[raterIndex[row.Rater] * items.Count + i] = row.Response;
        }

        return new FirstAnswers(items, raters, itemRows, response);
    }

    /// <summary>The raters (indices) who answered every item; each other one is named in <paramref name="messages"/>.</summary>
    public List<int> Complete(string answered, List<string> messages)
    {
        var complete = new List<int>();
        for (var r = 0; r < Raters.Count; r++)
        {
            var missing = _response.AsSpan(r * Items.Count, Items.Count).Count(0);
            if (missing == 0) complete.Add(r);
            else messages.Add($"Rater '{Raters[r]}' has not {answered} {missing} of the {Items.Count} items and is left out of the MRMC analysis (every reader must read every case).");
        }

        return complete;
    }

    private static Dictionary<string, int> Index(List<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        return index;
    }
}
