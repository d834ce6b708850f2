namespace MelanoGans.Shared.Metrics;

/// <summary>A generated row's nearest training row.</summary>
/// <param name="FakeIndex">Row of the generated set.</param>
/// <param name="TrainIndex">Row of the training set nearest to it.</param>
/// <param name="Distance">The distance to that row (cosine distance 1 - cos, or Euclidean for pixels).</param>
/// <param name="SecondRatio">
/// Nearest distance / second-nearest distance (0-1): near 0 when the row copies one training image rather than
/// sitting among several; 1 when both distances are 0.
/// </param>
public sealed record NearestTraining(int FakeIndex, int TrainIndex, double Distance, double SecondRatio);
