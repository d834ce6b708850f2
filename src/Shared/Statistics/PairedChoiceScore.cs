namespace MelanoGans.Shared.Statistics;

/// <summary>Paired-choice (2AFC) deception of one rater, one model, or all trials (see <see cref="PairedChoice"/>).</summary>
/// <param name="Name">The rater or model; <c>*</c> for all trials.</param>
/// <param name="Deception">Trials where the fake was chosen as real / trials, with the Wilson interval. 0.5 = indistinguishable.</param>
/// <param name="VersusChance">Two-sided exact binomial test of the deceived trials against 0.5.</param>
public sealed record PairedChoiceScore(string Name, ProportionEstimate Deception, BinomialTestResult VersusChance);
