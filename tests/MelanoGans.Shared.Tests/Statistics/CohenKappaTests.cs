using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class CohenKappaTests
{
    [Fact]
    public void Reproduces_the_grant_application_example()
    {
        // Reference: the worked example of the Wikipedia article "Cohen's kappa" (two readers, 50 grant
        // proposals: yes/yes 20, yes/no 5, no/yes 10, no/no 15): p_o = 0.7, p_e = 0.5, kappa = 0.4.
        var (observed, expected, kappa) = CohenKappa.Compute(new[,] { { 20, 5 }, { 10, 15 } });

        Assert.Equal(0.7, observed!.Value, 12);
        Assert.Equal(0.5, expected!.Value, 12);
        Assert.Equal(0.4, kappa!.Value, 12);
    }

    [Fact]
    public void Reproduces_Cohen_1960_three_category_example()
    {
        // Reference: Cohen J. (1960), "A coefficient of agreement for nominal scales", Educational and
        // Psychological Measurement 20:37-46, Table 1 (proportions x 200): p_o = .70, p_c = .41, kappa = .492.
        var table = new[,] { { 88, 14, 18 }, { 10, 40, 10 }, { 2, 6, 12 } };

        var (observed, expected, kappa) = CohenKappa.Compute(table);

        Assert.Equal(0.70, observed!.Value, 12);
        Assert.Equal(0.41, expected!.Value, 12);
        Assert.Equal(0.492, kappa!.Value, 0.0005);
    }

    [Fact]
    public void Both_raters_in_one_category_is_undefined()
    {
        var (observed, _, kappa) = CohenKappa.Compute(new[,] { { 0, 0 }, { 0, 9 } });

        Assert.Equal(1.0, observed);
        Assert.Null(kappa);
    }
}
