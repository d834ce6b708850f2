namespace MelanoGans.Shared.Statistics;

/// <summary>A HYPE∞ score: the error rate of untimed answers of one rater, one source, or all (see <see cref="HypeInfinity"/>).</summary>
/// <param name="Name">The rater or source; <c>*</c> for all answers.</param>
/// <param name="Answers">Untimed first answers counted.</param>
/// <param name="Errors">Answers whose call (4-6 real, 1-3 fake) was wrong.</param>
/// <param name="ErrorRate">Errors / answers; null without answers. 0.5 = indistinguishable from real.</param>
/// <param name="Interval">Percentile bootstrap interval over raters and items; null when the bootstrap is off.</param>
public sealed record HypeScore(string Name, int Answers, int Errors, double? ErrorRate, BootstrapInterval? Interval);
