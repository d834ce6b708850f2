namespace MelanoGans.Shared.Metrics;

/// <summary>How many generated rows sit closer to a training row than training rows sit to each other.</summary>
/// <param name="Share">Fraction of generated rows whose nearest training distance is strictly below <paramref name="Threshold"/>.</param>
/// <param name="Threshold">The 5th percentile (linear interpolation, numpy's default) of the training rows' leave-one-out nearest-neighbour distances.</param>
/// <param name="Closest">Every generated row's nearest training row, closest first (ties by generated row).</param>
public sealed record MemorisationResult(double Share, double Threshold, IReadOnlyList<NearestTraining> Closest);
