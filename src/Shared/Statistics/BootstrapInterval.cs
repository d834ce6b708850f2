namespace MelanoGans.Shared.Statistics;

/// <summary>A percentile bootstrap interval.</summary>
/// <param name="Lower">The lower percentile of the resampled statistic; null when no resample gave a value.</param>
/// <param name="Upper">The upper percentile of the resampled statistic.</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Undefined">Resamples on which the statistic was undefined (left out of the percentiles).</param>
public sealed record BootstrapInterval(double? Lower, double? Upper, int Resamples, int Undefined);
