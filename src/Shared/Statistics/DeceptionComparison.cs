namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Whether the deception rate differs between generating models: Pearson's chi-square test of independence on
/// the models x (deceived, not deceived) table, or Fisher's exact test when the table is 2 x 2 and an expected
/// count is below 5.
/// </summary>
/// <param name="Models">Deception rate per model.</param>
/// <param name="Test"><c>chi-square</c>, <c>fisher-exact</c>, or <c>none</c> when fewer than two models were rated or the test is undefined.</param>
/// <param name="Statistic">The chi-square statistic (null for Fisher's test).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the chi-square test.</param>
/// <param name="PValue">The p-value.</param>
public sealed record DeceptionComparison(
    IReadOnlyList<ModelDeception> Models,
    string Test,
    double? Statistic,
    int? DegreesOfFreedom,
    double? PValue);
