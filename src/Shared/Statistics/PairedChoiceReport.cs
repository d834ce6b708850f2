namespace MelanoGans.Shared.Statistics;

/// <summary>Paired-choice (2AFC) results of a study.</summary>
/// <param name="Overall">All paired trials.</param>
/// <param name="Raters">Per rater, ordinal order.</param>
/// <param name="Models">Per model (the fake's source), ordinal order.</param>
/// <param name="Time">Active time per trial over all trials.</param>
public sealed record PairedChoiceReport(PairedChoiceScore Overall, IReadOnlyList<PairedChoiceScore> Raters, IReadOnlyList<PairedChoiceScore> Models, TimeSummary Time);
