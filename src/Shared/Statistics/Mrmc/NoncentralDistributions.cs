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

    /// <summary>
    /// P(T ≤ t) for a noncentral t with <paramref name="df"/> degrees of freedom and noncentrality <paramref name="delta"/>
    /// (Lenth 1989, algorithm AS 243: the series of incomplete beta functions, summed to an error bound of 1e-12).
    /// </summary>
    public static double TCdf(double t, double df, double delta)
    {
        var negative = t < 0;
        var del = negative ? -delta : delta;
        var x = t * t / (t * t + df);
        double result = 0;
        if (x > 0)
        {
            var lambda = del * del;
            var p = 0.5 * Math.Exp(-0.5 * lambda);
            var q = Math.Sqrt(2 / Math.PI) * p * del;
            var s = 0.5 - p;
            double a = 0.5, b = 0.5 * df;
            var rxb = Math.Pow(1 - x, b);
            var logBeta = SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b);
            var xOdd = SpecialFunctions.BetaRegularized(a, b, x);
            var gOdd = 2 * rxb * Math.Exp(a * Math.Log(x) - logBeta);
            var xEven = 1 - rxb;
            var gEven = b * x * rxb;
            result = p * xOdd + q * xEven;
            for (var n = 1; n <= 1000; n++)
            {
                a += 1;
                xOdd -= gOdd;
                xEven -= gEven;
                gOdd *= x * (a + b - 1) / a;
                gEven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * n);
                q *= lambda / (2 * n + 1);
                s -= p;
                result += p * xOdd + q * xEven;
                if (2 * s * (xOdd - gOdd) <= 1e-12) break;
            }
        }

        result += MathNet.Numerics.Distributions.Normal.CDF(0, 1, -del);
        return negative ? 1 - result : result;
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
