using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The ratings table split by protocol role: practice rows never count, excluded raters are left out, catch rows only
/// enter catch accuracy, paired trials only the 2AFC statistics; the rest (6-point answers) feed every other statistic.
/// </summary>
internal sealed class ProtocolRows
{
    /// <summary>6-point answers that count: not practice, not catch, not paired, rater not excluded.</summary>
    public required RatingRow[] Counted { get; init; }

    /// <summary>Paired trials that count.</summary>
    public required RatingRow[] Paired { get; init; }

    /// <summary>Catch rows (not practice) of every rater, excluded raters too.</summary>
    public required RatingRow[] Catch { get; init; }

    public required int Practice { get; init; }

    public required RaterExclusion[] Exclusions { get; init; }

    public required HashSet<string> Excluded { get; init; }

    /// <summary>Splits <paramref name="rows"/>; what was left out is said in <paramref name="messages"/>.</summary>
    public static ProtocolRows Split(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excludedRaters, List<string> messages)
    {
        var excluded = new HashSet<string>(excludedRaters, StringComparer.Ordinal);
        var leftOut = excluded.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        List<RatingRow> counted = new(rows.Count), paired = [], catchRows = [];
        int practice = 0, diagnosis = 0;
        foreach (var row in rows)
        {
            // An excluded rater's rows are left out of every analysis, the diagnosis one included: count them all.
            if (excluded.Contains(row.Rater))
            {
                leftOut[row.Rater]++;
            }

            if (row.Task == RatingTask.Diagnosis)
            {
                // A diagnosis catch answer says whether the rater attends, as a realism one does.
                if (row.IsCatch && !row.IsPractice) catchRows.Add(row);
                diagnosis++;
                continue;
            }

            if (row.IsPractice)
            {
                practice++;
            }
            else if (row.IsCatch)
            {
                catchRows.Add(row);
            }
            else if (excluded.Contains(row.Rater))
            {
                continue;
            }
            else if (row.Mode == RatingMode.Paired)
            {
                paired.Add(row);
            }
            else
            {
                counted.Add(row);
            }
        }

        if (practice > 0)
        {
            messages.Add($"{practice} practice answers were left out: practice never counts.");
        }

        if (diagnosis > 0)
        {
            messages.Add($"{diagnosis} diagnosis answers are left out of the realism statistics: the diagnosis analysis reads them.");
        }

        var catchCounted = catchRows.Count(r => !excluded.Contains(r.Rater));
        if (catchCounted > 0)
        {
            messages.Add($"{catchCounted} catch answers enter only the raters' catch accuracy.");
        }

        var exclusions = leftOut.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RaterExclusion(kv.Key, kv.Value)).ToArray();
        foreach (var exclusion in exclusions)
        {
            messages.Add(exclusion.RowsLeftOut > 0
                ? $"Rater '{exclusion.Rater}' is excluded: {exclusion.RowsLeftOut} rows left out of every statistic but catch accuracy."
                : $"Rater '{exclusion.Rater}' is excluded but has no rows in the table.");
        }

        return new ProtocolRows
        {
            Counted = counted.ToArray(),
            Paired = paired.ToArray(),
            Catch = catchRows.ToArray(),
            Practice = practice,
            Exclusions = exclusions,
            Excluded = excluded,
        };
    }

    /// <summary>Catch accuracy per rater, ordinal order.</summary>
    public CatchAccuracy[] CatchAccuracies(double confidence) =>
        Catch.GroupBy(r => r.Rater, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CatchAccuracy(g.Key, WilsonInterval.Compute(g.Count(r => r.IsCorrect), g.Count(), confidence), Excluded.Contains(g.Key)))
            .ToArray();
}
