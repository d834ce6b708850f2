namespace MelanoGans.Shared.Statistics;

/// <summary>Fleiss' kappa over the items that every rater rated.</summary>
/// <param name="Items">Items in the computation (rated by every rater).</param>
/// <param name="RatersPerItem">Ratings per item.</param>
/// <param name="ObservedAgreement">Mean pairwise agreement per item (P-bar).</param>
/// <param name="ExpectedAgreement">Chance agreement from the category proportions (P-bar-e).</param>
/// <param name="Kappa">(P-bar - P-bar-e) / (1 - P-bar-e); null when undefined (see <see cref="FleissKappa"/>).</param>
/// <param name="StandardError">Standard error of kappa under the null hypothesis kappa = 0.</param>
/// <param name="Z">Kappa / standard error.</param>
/// <param name="PValue">Two-sided p-value of <paramref name="Z"/> against the standard normal.</param>
public sealed record FleissKappaResult(
    int Items,
    int RatersPerItem,
    double? ObservedAgreement,
    double? ExpectedAgreement,
    double? Kappa,
    double? StandardError,
    double? Z,
    double? PValue);
