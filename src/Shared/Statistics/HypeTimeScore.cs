namespace MelanoGans.Shared.Statistics;

/// <summary>HYPE-time of a model (or of all raters): the mean of the raters' staircase thresholds.</summary>
/// <param name="Model">The model; <c>*</c> for every rater with a threshold.</param>
/// <param name="Raters">Raters with a threshold that entered the mean.</param>
/// <param name="MeanThresholdMs">Mean threshold in milliseconds; null without raters. Longer = harder to tell from real.</param>
/// <param name="Interval">Percentile bootstrap interval over raters; null when the bootstrap is off or there are no raters.</param>
public sealed record HypeTimeScore(string Model, int Raters, double? MeanThresholdMs, BootstrapInterval? Interval);
