using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>What the raters made of one study item, from each rater's first answer.</summary>
/// <param name="Item">The item id.</param>
/// <param name="Source">The real dataset or the generating model.</param>
/// <param name="Truth">Real or fake.</param>
/// <param name="Ratings">First answers on the item.</param>
/// <param name="MeanResponse">Mean response on the 6-point scale (6 = definitely real).</param>
/// <param name="CalledReal">Answers that said "real" (4-6).</param>
/// <param name="Tags">Artifact tags with the number of answers carrying each, most frequent first.</param>
public sealed record ItemConsensus(
    string Item,
    string Source,
    RatingTruth Truth,
    int Ratings,
    double MeanResponse,
    int CalledReal,
    IReadOnlyList<TagCount> Tags)
{
    /// <summary>Share of the answers that said "real".</summary>
    public double ShareCalledReal => (double)CalledReal / Ratings;

    /// <summary>Share of the answers that got the item wrong: fakes called real, or reals called fake.</summary>
    /// <remarks>From the counts, so that equal shares of fakes and reals compare equal in the sort.</remarks>
    public double ShareMistaken => (double)(Truth == RatingTruth.Fake ? CalledReal : Ratings - CalledReal) / Ratings;

    /// <summary>
    /// Every answered item, the most misleading first: by <see cref="ShareMistaken"/>, then by how far the mean
    /// response leans the wrong way (a fake's high mean, a real's low mean), then by item id. Fakes in this order
    /// are the most convincing fakes; reals the least convincing reals.
    /// </summary>
    public static IReadOnlyList<ItemConsensus> Compute(IReadOnlyList<RatingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Compute(StudyData.Build(rows, []));
    }

    /// <summary>The items of an indexed ratings table, in the order above.</summary>
    internal static IReadOnlyList<ItemConsensus> Compute(StudyData data)
    {
        var count = data.Items.Length;
        var ratings = new int[count];
        var sums = new long[count];
        var calledReal = new int[count];
        var tags = new Dictionary<string, int>?[count];
        for (var a = 0; a < data.FirstAnswers.Length; a++)
        {
            var i = data.FirstItem[a];
            var row = data.FirstAnswers[a];
            ratings[i]++;
            sums[i] += row.Response;
            calledReal[i] += row.CalledFake ? 0 : 1;
            // A tag given twice in one answer marks that answer once, as in the report's tag rates.
            foreach (var tag in row.Tags.Distinct(StringComparer.Ordinal))
            {
                tags[i] ??= new Dictionary<string, int>(StringComparer.Ordinal);
                tags[i]![tag] = tags[i]!.GetValueOrDefault(tag) + 1;
            }
        }

        var items = new List<ItemConsensus>(count);
        for (var i = 0; i < count; i++)
        {
            if (ratings[i] == 0)
            {
                continue; // only repeats: the first answers (what counts) are missing
            }

            var itemTags = tags[i] is { } t
                ? t.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new TagCount(kv.Key, kv.Value)).ToArray()
                : [];
            items.Add(new ItemConsensus(
                data.Items[i], data.Sources[data.ItemSource[i]], data.ItemTruth[i], ratings[i],
                (double)sums[i] / ratings[i], calledReal[i], itemTags));
        }

        return items
            .OrderByDescending(i => i.ShareMistaken)
            .ThenByDescending(i => i.Truth == RatingTruth.Fake ? i.MeanResponse : -i.MeanResponse)
            .ThenBy(i => i.Item, StringComparer.Ordinal)
            .ToArray();
    }
}
