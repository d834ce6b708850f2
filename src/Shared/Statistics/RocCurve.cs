using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The empirical ROC curve of one rater from the 6-point scale: fake is the positive class and the score is
/// 7 - response, so each of the thresholds 7, 6, ..., 1 gives one point from (0, 0) to (1, 1).
/// </summary>
/// <param name="Rater">The rater, or <c>*</c> for all raters pooled.</param>
/// <param name="Fakes">Fake items the rater answered (first answers).</param>
/// <param name="Reals">Real items the rater answered.</param>
/// <param name="Points">Seven points by falling threshold; empty when either class is missing (the curve is undefined).</param>
/// <param name="Auc">Trapezoid area under <paramref name="Points"/>; equals the Mann-Whitney AUC of the report.</param>
public sealed record RocCurve(string Rater, int Fakes, int Reals, IReadOnlyList<RocPoint> Points, double? Auc)
{
    /// <summary>
    /// The curve from answer counts by response: <paramref name="fakesByResponse"/>[r - 1] fakes and
    /// <paramref name="realsByResponse"/>[r - 1] reals got response r.
    /// </summary>
    public static RocCurve FromResponseCounts(string rater, ReadOnlySpan<int> fakesByResponse, ReadOnlySpan<int> realsByResponse)
    {
        if (fakesByResponse.Length != RatingRow.MaxResponse || realsByResponse.Length != RatingRow.MaxResponse)
        {
            throw new ArgumentException($"Both histograms need {RatingRow.MaxResponse} responses.");
        }

        int fakes = 0, reals = 0;
        for (var r = 0; r < RatingRow.MaxResponse; r++)
        {
            fakes += fakesByResponse[r];
            reals += realsByResponse[r];
        }

        if (fakes == 0 || reals == 0)
        {
            return new RocCurve(rater, fakes, reals, [], null);
        }

        // Threshold t calls fake every score >= t, that is every response <= 7 - t: lowering t adds one response level.
        var points = new List<RocPoint>(RatingRow.MaxResponse + 1) { new(RatingRow.MaxResponse + 1, 0, 0) };
        int truePositives = 0, falsePositives = 0;
        for (var response = RatingRow.MinResponse; response <= RatingRow.MaxResponse; response++)
        {
            truePositives += fakesByResponse[response - 1];
            falsePositives += realsByResponse[response - 1];
            points.Add(new RocPoint(RatingRow.MaxResponse + 1 - response, (double)falsePositives / reals, (double)truePositives / fakes));
        }

        return new RocCurve(rater, fakes, reals, points, TrapezoidArea(points));
    }

    /// <summary>Area under a curve through <paramref name="points"/> (in order of rising false positive rate) by the trapezoid rule.</summary>
    public static double TrapezoidArea(IReadOnlyList<RocPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double area = 0;
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            area += (b.FalsePositiveRate - a.FalsePositiveRate) * (a.TruePositiveRate + b.TruePositiveRate) / 2;
        }

        return area;
    }
}
