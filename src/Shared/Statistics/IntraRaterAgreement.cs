namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Agreement of a rater with themself: each repeated answer (is_repeat) against the same rater's first
/// answer on that item.
/// </summary>
/// <param name="Rater">The rater, or <c>*</c> for all raters pooled.</param>
/// <param name="Pairs">Repeated answers that have a first answer.</param>
/// <param name="PercentAgreement">Share of pairs with the same binary call.</param>
/// <param name="Kappa">Cohen's kappa of first vs repeated call; null when undefined (expected agreement 1).</param>
/// <param name="MeanAbsoluteDifference">Mean |first response - repeated response| on the 6-point scale.</param>
public sealed record IntraRaterAgreement(
    string Rater,
    int Pairs,
    double? PercentAgreement,
    double? Kappa,
    double? MeanAbsoluteDifference);
