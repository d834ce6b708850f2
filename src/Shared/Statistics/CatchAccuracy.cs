namespace MelanoGans.Shared.Statistics;

/// <summary>
/// One rater's accuracy on catch items (obvious reals and obvious fakes): a rater who misses them is not attending.
/// A 6-point catch answer is right when its call (1-3 fake, 4-6 real) matches the truth; a paired catch trial when
/// the real image was chosen; a diagnosis catch answer when 4-6 goes with a melanoma and 1-3 with anything else (the
/// noise images have no lesion). Listed for every rater with catch answers, excluded raters too (it is how a lead decides).
/// </summary>
/// <param name="Rater">The rater.</param>
/// <param name="Accuracy">Right catch answers / catch answers, with the Wilson interval.</param>
/// <param name="Excluded">True when the rater is excluded from the other statistics.</param>
public sealed record CatchAccuracy(string Rater, ProportionEstimate Accuracy, bool Excluded);
