namespace MelanoGans.Shared.Studies;

/// <summary>One place in a rater's sequence: which study item (by index) and which showing of it.</summary>
/// <param name="ItemIndex">Index into the study's items ordered by their database id.</param>
/// <param name="RepeatIndex">0 for the first showing, 1 for the repeat that measures intra-rater agreement.</param>
public readonly record struct SequenceSlot(int ItemIndex, int RepeatIndex);
