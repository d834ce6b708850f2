namespace MelanoGans.Shared.Contracts;

/// <summary>Where a running experiment is: worker → server over the training hub, like a training tick.</summary>
/// <param name="Step">Classifier steps done over all arms and seeds.</param>
/// <param name="TotalSteps">Classifier steps of the whole experiment (arms x seeds x steps per classifier).</param>
/// <param name="Arm">Label of the arm being trained.</param>
/// <param name="Seed">Seed being trained.</param>
/// <param name="ImagesPerSecond">Training images per second of the current classifier.</param>
/// <param name="Finished">The classifier that just finished, when this report is one.</param>
public sealed record ExperimentProgress(long Step, long TotalSteps, string Arm, long Seed, double ImagesPerSecond, ExperimentRunReport? Finished);
