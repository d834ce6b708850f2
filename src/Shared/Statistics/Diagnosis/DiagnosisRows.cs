using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Statistics.Diagnosis;

/// <summary>Which rows of a ratings table the diagnosis analysis reads.</summary>
internal static class DiagnosisRows
{
    /// <summary>
    /// Each rater's first diagnosis answers (not practice, catch or repeat; excluded raters never) on items of known
    /// class; what is left out for an unknown class is said in <paramref name="messages"/>.
    /// </summary>
    public static List<RatingRow> Counted(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded, List<string> messages)
    {
        var diagnosis = rows.Where(r => r.Task == RatingTask.Diagnosis && !r.IsPractice && !r.IsCatch && !r.IsRepeat && !excluded.Contains(r.Rater)).ToList();
        var unknown = diagnosis.Count(r => r.Class is null);
        if (unknown > 0) messages.Add($"{unknown} diagnosis answers on items of unknown class are left out: without the true class there is nothing to score.");
        return diagnosis.Where(r => r.Class is not null).ToList();
    }

    /// <summary>True when the item's true class is melanoma (the positive class of every diagnosis statistic).</summary>
    public static bool IsMelanoma(RatingRow row) => LesionClassNames.TryParse(row.Class, out var c) && c == LesionClass.Melanoma;

    /// <summary>True when the response says "melanoma" (4-6 on the melanoma scale).</summary>
    public static bool CalledMelanoma(RatingRow row) => row.Response >= 4;
}
