using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Client.Components.Statistics;

/// <summary>How the dashboard reads a report: one definition each for the cards, the panels and the tables.</summary>
public static class ReportReading
{
    /// <summary>Raters with counted answers: 6-point answers, or paired trials, which have no 6-point answers.</summary>
    public static IReadOnlyList<string> CountedRaters(StudyReport report) =>
        report.Raters.Select(r => r.Rater).Concat(report.Protocol.Paired.Raters.Select(r => r.Name)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// True for a paired study: its headline is the paired score, and the 6-point panels do not apply. A table of
    /// unknown protocol counts as paired when it has paired trials and no 6-point answers.
    /// </summary>
    public static bool IsPaired(StudyReport report, RatingMode? mode) =>
        mode == RatingMode.Paired || (mode is null && report.FirstAnswers == 0 && report.Protocol.Paired.Overall.Deception.Trials > 0);
}
