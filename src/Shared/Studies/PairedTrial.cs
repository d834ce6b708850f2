namespace MelanoGans.Shared.Studies;

/// <summary>One paired-choice (2AFC) trial: a fake and a real item side by side.</summary>
/// <param name="FakeIndex">Index of the fake into the study's fake items.</param>
/// <param name="RealIndex">Index of the real into the study's real items.</param>
/// <param name="FakeOnLeft">True when the fake is shown on the left.</param>
public readonly record struct PairedTrial(int FakeIndex, int RealIndex, bool FakeOnLeft);
