using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Statistics.Diagnosis;

/// <summary>
/// The analysis of a diagnosis study: per source and rater the AUC of melanoma against the other classes from the
/// melanoma scale, sensitivity and specificity at 4-6, the confusion of picked diagnoses, and the MRMC comparison of
/// the sources (<see cref="MrmcDiagnosisTable"/>).
/// </summary>
public static class DiagnosisAnalysis
{
    /// <summary>The report of <paramref name="rows"/>' diagnosis answers; never throws: what cannot be computed is a message.</summary>
    public static DiagnosisReport Compute(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded, double confidence = 0.95)
    {
        var messages = new List<string>();
        var counted = DiagnosisRows.Counted(rows, excluded, messages);
        var sources = counted.GroupBy(r => r.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Source(g.Key, g.ToList(), confidence)).ToList();
        var table = MrmcDiagnosisTable.FromCounted(counted, messages);
        return new DiagnosisReport(sources, table is null ? null : MrmcOutcome.Analyse(table, messages), messages);
    }

    private static DiagnosisSourceReport Source(string source, List<RatingRow> rows, double confidence)
    {
        var items = rows.GroupBy(r => r.Item, StringComparer.Ordinal).ToList();
        var raters = rows.GroupBy(r => r.Rater, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToList(), confidence)).ToList();
        var aucs = raters.Where(r => r.Auc is not null).Select(r => r.Auc!.Value).ToList();
        var pooled = Score("*", rows, confidence) with { Auc = aucs.Count > 0 ? aucs.Average() : null };
        var confusion = rows.Where(r => r.Diagnosis is not null)
            .GroupBy(r => (Class: r.Class!, Picked: r.Diagnosis!))
            .OrderBy(g => g.Key.Class, StringComparer.Ordinal).ThenBy(g => g.Key.Picked, StringComparer.Ordinal)
            .Select(g => new DiagnosisConfusion(g.Key.Class, g.Key.Picked, g.Count())).ToList();
        return new DiagnosisSourceReport(source, items.Count, items.Count(g => DiagnosisRows.IsMelanoma(g.First())), pooled, raters, confusion)
        {
            Real = rows[0].Truth == RatingTruth.Real,
        };
    }

    // The AUC from the two classes' histograms of the 6 levels (the pooled score takes the mean of the raters' instead).
    private static DiagnosisScore Score(string rater, List<RatingRow> rows, double confidence)
    {
        Span<int> melanoma = stackalloc int[RatingRow.MaxResponse], other = stackalloc int[RatingRow.MaxResponse];
        int melanomas = 0, truePositives = 0, trueNegatives = 0;
        foreach (var row in rows)
        {
            var called = DiagnosisRows.CalledMelanoma(row);
            if (DiagnosisRows.IsMelanoma(row))
            {
                melanoma[row.Response - 1]++;
                melanomas++;
                truePositives += called ? 1 : 0;
            }
            else
            {
                other[row.Response - 1]++;
                trueNegatives += called ? 0 : 1;
            }
        }

        var others = rows.Count - melanomas;
        return new DiagnosisScore(rater, rows.Count, RocAuc.FromCounts(melanoma, other),
            WilsonInterval.Compute(truePositives, melanomas, confidence), WilsonInterval.Compute(trueNegatives, others, confidence));
    }
}
