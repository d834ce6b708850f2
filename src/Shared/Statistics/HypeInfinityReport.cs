namespace MelanoGans.Shared.Statistics;

/// <summary>HYPE∞ (Zhou et al. 2019) of a study: the error rate of untimed answers, overall, per rater and per source.</summary>
/// <param name="Overall">All untimed first answers.</param>
/// <param name="Raters">Per rater with untimed answers, ordinal order.</param>
/// <param name="Sources">Per source with untimed answers, ordinal order.</param>
public sealed record HypeInfinityReport(HypeScore Overall, IReadOnlyList<HypeScore> Raters, IReadOnlyList<HypeScore> Sources);
