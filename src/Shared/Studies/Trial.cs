namespace MelanoGans.Shared.Studies;

/// <summary>One place in a rater's sequence.</summary>
/// <param name="Role">Practice, catch or main.</param>
/// <param name="ItemIndex">
/// Index into the study's items ordered by id: the one image of a 6-point trial, the fake of a paired trial.
/// </param>
/// <param name="RepeatIndex">0 for a first showing, 1 for the repeat of a main item, the round number of a practice trial.</param>
/// <param name="RealIndex">The real item beside the fake of a paired (2AFC) trial; null for a 6-point trial.</param>
/// <param name="FakeOnLeft">True when a paired trial shows its fake on the left.</param>
public readonly record struct Trial(ItemRole Role, int ItemIndex, int RepeatIndex = 0, int? RealIndex = null, bool FakeOnLeft = false)
{
    /// <summary>True for a paired (2AFC) trial.</summary>
    public bool Paired => RealIndex is not null;
}
