using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class FleissKappaTests
{
    // Reference: Fleiss J.L. (1971), "Measuring nominal scale agreement among many raters", Psychological
    // Bulletin 76(5):378-382, Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression,
    // personality disorder, schizophrenia, neurosis, other). Published kappa = .430. The same data are
    // R's irr::diagnoses, for which irr::kappam.fleiss documents z = 17.7 (the Fleiss-Nee-Landis 1979
    // standard error under kappa = 0).
    internal static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];

    [Fact]
    public void Reproduces_Fleiss_1971_psychiatric_diagnoses()
    {
        var result = FleissKappa.Compute(Fleiss1971);

        Assert.Equal(30, result.Items);
        Assert.Equal(6, result.RatersPerItem);
        Assert.Equal(0.430, result.Kappa!.Value, 0.0005);
        Assert.Equal(17.7, result.Z!.Value, 0.05);
        Assert.True(result.PValue < 1e-10);
    }

    [Fact]
    public void Single_category_everywhere_is_undefined_not_NaN()
    {
        var result = FleissKappa.Compute([[3, 0], [3, 0]]);

        Assert.Equal(1.0, result.ObservedAgreement);
        Assert.Null(result.Kappa);
        Assert.Null(result.StandardError);
    }

    [Fact]
    public void Perfect_agreement_on_both_categories_is_one()
    {
        var result = FleissKappa.Compute([[3, 0], [0, 3], [3, 0]]);

        Assert.Equal(1.0, result.Kappa!.Value, 12);
    }

    [Fact]
    public void Ragged_or_empty_tables_give_nulls()
    {
        Assert.Null(FleissKappa.Compute([]).Kappa);
        Assert.Null(FleissKappa.Compute([[2, 1], [1, 1]]).Kappa);
    }
}
