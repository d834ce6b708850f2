namespace MelanoGans.Shared.Statistics;

/// <summary>Krippendorff's alpha over all items, missing ratings allowed, with its bootstrap interval.</summary>
/// <param name="Level">Nominal (on the binary call) or ordinal (on the 6-point response).</param>
/// <param name="PairableUnits">Items with at least two ratings (the others cannot show agreement).</param>
/// <param name="PairableValues">Ratings on those items (n of the coincidence matrix).</param>
/// <param name="Alpha">Alpha; null when undefined (fewer than two pairable values, or all of them equal).</param>
/// <param name="Interval">Percentile bootstrap interval over items; null when no bootstrap was asked for.</param>
public sealed record KrippendorffAlphaResult(
    KrippendorffLevel Level,
    int PairableUnits,
    int PairableValues,
    double? Alpha,
    BootstrapInterval? Interval);
