namespace MelanoGans.Shared.Statistics;

/// <summary>Inter-rater agreement, always beside the prevalence of fakes (kappa collapses when one class dominates).</summary>
/// <param name="PrevalenceOfFakes">Share of fake items among the answers.</param>
/// <param name="ProportionCalledFake">Share of answers that called the image fake.</param>
/// <param name="Fleiss">Fleiss' kappa on the items every rater rated.</param>
/// <param name="FleissPrevalenceOfFakes">Share of fakes among the items in Fleiss' kappa.</param>
/// <param name="CohenPairs">Cohen's kappa for every pair of raters.</param>
/// <param name="AlphaNominal">Krippendorff's alpha, nominal, on the binary call.</param>
/// <param name="AlphaOrdinal">Krippendorff's alpha, ordinal, on the 6-point response.</param>
public sealed record AgreementReport(
    double? PrevalenceOfFakes,
    double? ProportionCalledFake,
    FleissKappaResult Fleiss,
    double? FleissPrevalenceOfFakes,
    IReadOnlyList<CohenKappaPair> CohenPairs,
    KrippendorffAlphaResult AlphaNominal,
    KrippendorffAlphaResult AlphaOrdinal);
