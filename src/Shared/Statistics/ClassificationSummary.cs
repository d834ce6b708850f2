namespace MelanoGans.Shared.Statistics;

/// <summary>
/// How well a set of answers (one rater's, one source's, or all) told real from fake. A response of 1-3
/// calls an image fake; fake is the positive class.
/// </summary>
/// <param name="Answers">Answers counted (first answers only; repeats are for intra-rater agreement).</param>
/// <param name="Accuracy">Correct calls / answers, with its Wilson interval.</param>
/// <param name="AccuracyVersusChance">Two-sided exact binomial test of the accuracy against 0.5.</param>
/// <param name="Sensitivity">Fakes called fake / fakes.</param>
/// <param name="Specificity">Reals called real / reals.</param>
/// <param name="DeceptionRate">Fakes called real / fakes (1 - sensitivity).</param>
public sealed record ClassificationSummary(
    int Answers,
    ProportionEstimate Accuracy,
    BinomialTestResult AccuracyVersusChance,
    ProportionEstimate Sensitivity,
    ProportionEstimate Specificity,
    ProportionEstimate DeceptionRate);
