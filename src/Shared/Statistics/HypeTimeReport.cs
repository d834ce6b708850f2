namespace MelanoGans.Shared.Statistics;

/// <summary>HYPE-time of a study (see <see cref="HypeTime"/>).</summary>
/// <param name="Raters">Per rater with staircase answers, ordinal order.</param>
/// <param name="Overall">The mean over every rater with a threshold.</param>
/// <param name="Models">Per model, over the raters whose staircase showed only that model's fakes.</param>
public sealed record HypeTimeReport(IReadOnlyList<HypeTimeRater> Raters, HypeTimeScore Overall, IReadOnlyList<HypeTimeScore> Models);
