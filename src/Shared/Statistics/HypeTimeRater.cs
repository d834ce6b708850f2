namespace MelanoGans.Shared.Statistics;

/// <summary>One rater's HYPE-time: the threshold of their exposure staircase (see <see cref="HypeTime"/>).</summary>
/// <param name="Rater">The rater.</param>
/// <param name="Trials">Staircase answers replayed.</param>
/// <param name="Reversals">Reversals of the staircase.</param>
/// <param name="ThresholdMs">Mean measured exposure at the last 6 reversals (all when fewer); null without a reversal.</param>
/// <param name="Model">The one model whose fakes the rater's staircase showed; null when it mixed models or showed none.</param>
/// <param name="Steps">The staircase as replayed: each trial's measured exposure and whether its call was right, in the order shown.</param>
public sealed record HypeTimeRater(string Rater, int Trials, int Reversals, double? ThresholdMs, string? Model, IReadOnlyList<StaircaseStep> Steps);

/// <summary>One trial of a staircase: the exposure it was shown for and whether the rater's call was right.</summary>
public sealed record StaircaseStep(int ExposureMs, bool Correct);
