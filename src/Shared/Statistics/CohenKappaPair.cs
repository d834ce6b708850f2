namespace MelanoGans.Shared.Statistics;

/// <summary>Cohen's kappa of the binary call for one pair of raters, on the items both rated.</summary>
/// <param name="RaterA">First rater (ordinal order).</param>
/// <param name="RaterB">Second rater.</param>
/// <param name="SharedItems">Items both rated.</param>
/// <param name="PercentAgreement">Share of shared items with the same call.</param>
/// <param name="ExpectedAgreement">Chance agreement from the two raters' call rates.</param>
/// <param name="Kappa">Cohen's kappa; null when undefined (no shared items, or expected agreement 1).</param>
/// <param name="PrevalenceOfFakes">Share of fakes among the shared items: kappa collapses when one class dominates.</param>
public sealed record CohenKappaPair(
    string RaterA,
    string RaterB,
    int SharedItems,
    double? PercentAgreement,
    double? ExpectedAgreement,
    double? Kappa,
    double? PrevalenceOfFakes);
