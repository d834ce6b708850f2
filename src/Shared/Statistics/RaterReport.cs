namespace MelanoGans.Shared.Statistics;

/// <summary>One rater's results.</summary>
/// <param name="Rater">The rater.</param>
/// <param name="Classification">Accuracy, sensitivity, specificity and deception rate.</param>
/// <param name="Auc">ROC AUC of the score 7 - response for fake vs real (ties count one half); null without both classes.</param>
/// <param name="Time">Active time per item.</param>
public sealed record RaterReport(string Rater, ClassificationSummary Classification, double? Auc, TimeSummary Time);
