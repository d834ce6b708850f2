using MathNet.Numerics;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// Cumulative distributions of the noncentral F and chi-square (MathNet has only the central ones): Poisson
/// mixtures of central ones, P = sum_j e^(-λ/2) (λ/2)^j / j! P_central(j), summed past the mode until a weight is below
/// 1e-18.
/// </summary>
internal static class NoncentralDistributions
{
    /// <summary>P(F ≤ f) for F with <paramref name="d1"/> and <paramref name="d2"/> degrees of freedom and noncentrality <paramref name="lambda"/>.</summary>
    public static double FCdf(double f, double d1, double d2, double lambda)
    {
        if (f <= 0) return 0;
        var x = d1 * f / (d1 * f + d2);
        return Mixture(lambda, j => SpecialFunctions.BetaRegularized(d1 / 2 + j, d2 / 2, x));
    }

    /// <summary>P(X ≤ x) for a chi-square with <paramref name="k"/> degrees of freedom and noncentrality <paramref name="lambda"/>.</summary>
    public static double ChiSquareCdf(double x, double k, double lambda)
    {
        if (x <= 0) return 0;
        return Mixture(lambda, j => SpecialFunctions.GammaLowerRegularized(k / 2 + j, x / 2));
    }

    private static double Mixture(double lambda, Func<int, double> central)
    {
        var half = lambda / 2;
        if (half <= 0) return central(0);
        double sum = 0;
        for (var j = 0; j < 100_000; j++)
        {
            var weight = Math.Exp(-half + j * Math.Log(half) - SpecialFunctions.GammaLn(j + 1));
            sum += weight * central(j);
            // Past the mode the weights fall faster than geometrically: what is left is below the last weight.
            if (j > half && weight < 1e-18) break;
        }

        return sum;
    }
}
