namespace MelanoGans.Shared.Statistics;

/// <summary>The protocol statistics of a study (docs/design.md, "Statistics definitions"): practice, catch, exclusions, HYPE∞, HYPE at a fixed exposure, HYPE-time and 2AFC.</summary>
/// <param name="PracticeAnswers">Practice rows in the table; they never count.</param>
/// <param name="CatchAnswers">Catch rows (not practice) of raters not excluded; they enter only <paramref name="Catch"/>.</param>
/// <param name="Exclusions">Raters left out by the lead, with the rows left out.</param>
/// <param name="Catch">Per-rater catch accuracy, ordinal order of the rater, excluded raters included.</param>
/// <param name="HypeInfinity">Error rate of untimed answers.</param>
/// <param name="FixedExposure">Error rate of fixed-exposure answers, with their measured exposures.</param>
/// <param name="HypeTime">Exposure thresholds of staircase raters.</param>
/// <param name="Paired">Deception in paired-choice trials.</param>
public sealed record ProtocolReport(
    int PracticeAnswers,
    int CatchAnswers,
    IReadOnlyList<RaterExclusion> Exclusions,
    IReadOnlyList<CatchAccuracy> Catch,
    HypeInfinityReport HypeInfinity,
    FixedExposureReport FixedExposure,
    HypeTimeReport HypeTime,
    PairedChoiceReport Paired);
