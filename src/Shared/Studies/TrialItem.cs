using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Studies;

/// <summary>What the sequence of trials needs to know of one frozen item: its truth (to pair fakes with reals) and its role.</summary>
public readonly record struct TrialItem(RatingTruth Truth, ItemRole Role);
