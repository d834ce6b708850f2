namespace MelanoGans.Shared.Contracts;

/// <summary>Image counts of an imbalance experiment's split (real images only).</summary>
/// <param name="TrainMelanoma">Melanomas in the full real training split.</param>
/// <param name="TrainOther">Other lesions in the training split.</param>
/// <param name="TestMelanoma">Melanomas in the held-out test split.</param>
/// <param name="TestOther">Other lesions in the held-out test split.</param>
/// <param name="RemovedMelanoma">Training melanomas removed in the imbalanced arms (per seed; which ones depends on the seed).</param>
public sealed record ExperimentSplitSummary(int TrainMelanoma, int TrainOther, int TestMelanoma, int TestOther, int RemovedMelanoma);
