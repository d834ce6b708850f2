using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>ROC curves of a ratings table from each rater's first answers, the same answers the report's AUC uses.</summary>
public static class RocCurves
{
    /// <summary>The rater name of the curve over all raters' first answers.</summary>
    public const string Pooled = "*";

    /// <summary>One curve per rater in ordinal order of the name, then the pooled curve (<see cref="Pooled"/>).</summary>
    public static IReadOnlyList<RocCurve> Compute(IReadOnlyList<RatingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Compute(StudyData.Build(rows, []));
    }

    /// <summary>The curves of an indexed ratings table.</summary>
    internal static IReadOnlyList<RocCurve> Compute(StudyData data)
    {
        var levels = RatingRow.MaxResponse;
        var raters = data.Raters.Length;
        // fakes[r * levels + response - 1]; the last block (index raters) is the pooled curve.
        var fakes = new int[(raters + 1) * levels];
        var reals = new int[(raters + 1) * levels];
        for (var a = 0; a < data.FirstAnswers.Length; a++)
        {
            var counts = data.ItemTruth[data.FirstItem[a]] == RatingTruth.Fake ? fakes : reals;
            var level = data.FirstAnswers[a].Response - 1;
            counts[data.FirstRater[a] * levels + level]++;
            counts[raters * levels + level]++;
        }

        var curves = new RocCurve[raters + 1];
        for (var r = 0; r <= raters; r++)
        {
            curves[r] = RocCurve.FromResponseCounts(
                r < raters ? data.Raters[r] : Pooled, fakes.AsSpan(r * levels, levels), reals.AsSpan(r * levels, levels));
        }

        return curves;
    }
}
