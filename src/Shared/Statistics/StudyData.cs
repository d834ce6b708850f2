using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The ratings table indexed for the statistics: raters and items numbered, each rater's first answer per
/// item in a dense rater x item grid, and the repeated answers paired with their first answer.
/// </summary>
internal sealed class StudyData
{
    public required string[] Raters { get; init; }
    public required string[] Items { get; init; }
    public required RatingTruth[] ItemTruth { get; init; }
    public required int[] ItemSource { get; init; }
    public required string[] Sources { get; init; }

    /// <summary>Response[r * Items.Length + i]: rater r's first response on item i, 0 when missing.</summary>
    public required byte[] Response { get; init; }

    /// <summary>The first answers, in table order.</summary>
    public required RatingRow[] FirstAnswers { get; init; }

    /// <summary>Rater index of each first answer.</summary>
    public required int[] FirstRater { get; init; }

    /// <summary>Item index of each first answer.</summary>
    public required int[] FirstItem { get; init; }

    /// <summary>Repeated answers with the first answer of the same rater and item.</summary>
    public required (int Rater, RatingRow First, RatingRow Repeat)[] Repeats { get; init; }

    public int Index(int rater, int item) => rater * Items.Length + item;

    /// <summary>Indexes <paramref name="rows"/>; what had to be left out is said in <paramref name="messages"/>.</summary>
    public static StudyData Build(IReadOnlyList<RatingRow> rows, List<string> messages)
    {
        var valid = new List<RatingRow>(rows.Count);
        var badResponses = 0;
        foreach (var row in rows)
        {
            if (row.Response is < RatingRow.MinResponse or > RatingRow.MaxResponse)
            {
                badResponses++;
            }
            else
            {
                valid.Add(row);
            }
        }

        if (badResponses > 0)
        {
            messages.Add($"{badResponses} answers with a response outside 1-6 were left out.");
        }

        var raters = valid.Select(r => r.Rater).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sources = valid.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var raterIndex = Enumerate(raters);
        var sourceIndex = Enumerate(sources);

        // An item's truth and source come from its first row; a table that contradicts itself is reported.
        var itemIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<string>();
        var truths = new List<RatingTruth>();
        var itemSources = new List<int>();
        var contradictions = 0;
        foreach (var row in valid)
        {
            if (itemIndex.TryGetValue(row.Item, out var i))
            {
                if (truths[i] != row.Truth || sources[itemSources[i]] != row.Source)
                {
                    contradictions++;
                }

                continue;
            }

            itemIndex[row.Item] = items.Count;
            items.Add(row.Item);
            truths.Add(row.Truth);
            itemSources.Add(sourceIndex[row.Source]);
        }

        if (contradictions > 0)
        {
            messages.Add($"{contradictions} answers gave an item a different truth or source than its first row; the first row's values were used.");
        }

        var itemCount = items.Count;
        var response = new byte[raters.Length * itemCount];
        var firstRows = new List<RatingRow>();
        var firstRater = new List<int>();
        var firstItem = new List<int>();
        var firstByCell = new Dictionary<long, RatingRow>();
        var duplicates = 0;
        foreach (var row in valid.Where(r => !r.IsRepeat))
        {
            int r = raterIndex[row.Rater], i = itemIndex[row.Item];
            var cell = (long)r * itemCount + i;
            if (!firstByCell.TryAdd(cell, row))
            {
                duplicates++;
                continue;
            }

            response[cell] = (byte)row.Response;
            firstRows.Add(row);
            firstRater.Add(r);
            firstItem.Add(i);
        }

        if (duplicates > 0)
        {
            messages.Add($"{duplicates} answers repeated a rater's first answer on an item without is_repeat; only the first one counts.");
        }

        var repeats = new List<(int, RatingRow, RatingRow)>();
        var orphans = 0;
        foreach (var row in valid.Where(r => r.IsRepeat))
        {
            var r = raterIndex[row.Rater];
            if (firstByCell.TryGetValue((long)r * itemCount + itemIndex[row.Item], out var first))
            {
                repeats.Add((r, first, row));
            }
            else
            {
                orphans++;
            }
        }

        if (orphans > 0)
        {
            messages.Add($"{orphans} repeated answers have no first answer by the same rater on the same item and were left out.");
        }

        return new StudyData
        {
            Raters = raters,
            Items = items.ToArray(),
            ItemTruth = truths.ToArray(),
            ItemSource = itemSources.ToArray(),
            Sources = sources,
            Response = response,
            FirstAnswers = firstRows.ToArray(),
            FirstRater = firstRater.ToArray(),
            FirstItem = firstItem.ToArray(),
            Repeats = repeats.ToArray(),
        };
    }

    private static Dictionary<string, int> Enumerate(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        return index;
    }
}
