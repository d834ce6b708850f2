using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Fréchet distance between Gaussian fits of two feature sets (the FID formula on any features):
/// |m1 - m2|² + tr(S1) + tr(S2) - 2 tr((S1 S2)^½), covariances with divisor n - 1, all in float64.
/// </summary>
/// <remarks>
/// tr((S1 S2)^½) equals tr((√S1 S2 √S1)^½), and √S1 S2 √S1 is symmetric positive semi-definite, so the trace is
/// the sum of the square roots of its eigenvalues. Both square roots come from symmetric eigendecompositions with
/// eigenvalues below zero (rounding) clipped to zero: this is stable for singular covariances (fewer rows than
/// columns), where the non-symmetric square root of S1 S2 is not.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>The Fréchet distance between the Gaussian fits of <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">A set under 2 rows, different column counts, or a non-finite feature.</exception>
    public static double Compute(FeatureMatrix a, FeatureMatrix b)
    {
        MetricInputs.Require(a, "first", 2);
        MetricInputs.Require(b, "second", 2);
        MetricInputs.RequireSameColumns(a, "first", b, "second");
        return Compute(GaussianFit.Of(a), GaussianFit.Of(b));
    }

    internal static double Compute(GaussianFit first, GaussianFit second)
    {
        var d = first.Dimension;
        var meanTerm = 0.0;
        for (var j = 0; j < d; j++)
        {
            var diff = first.Mean[j] - second.Mean[j];
            meanTerm += diff * diff;
        }

        // Row-major symmetric arrays read as column-major are the same matrices.
        var s1 = Matrix<double>.Build.Dense(d, d, first.Covariance);
        var s2 = Matrix<double>.Build.Dense(d, d, second.Covariance);
        var rootS1 = SymmetricSquareRoot(s1);
        var middle = rootS1 * s2 * rootS1;
        Symmetrise(middle);
        var traceRoot = 0.0;
        foreach (var lambda in middle.Evd(Symmetricity.Symmetric).EigenValues)
        {
            traceRoot += Math.Sqrt(Math.Max(lambda.Real, 0));
        }

        // Rounding can leave a tiny negative value for (near-)identical sets: a distance is never below 0.
        return Math.Max(0, meanTerm + s1.Trace() + s2.Trace() - 2 * traceRoot);
    }

    private static Matrix<double> SymmetricSquareRoot(Matrix<double> s)
    {
        var evd = s.Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var roots = Vector<double>.Build.Dense(s.RowCount, i => Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 0)));
        var root = v * Matrix<double>.Build.DiagonalOfDiagonalVector(roots) * v.Transpose();
        Symmetrise(root);
        return root;
    }

    // Rounding leaves products of symmetric matrices slightly asymmetric; the symmetric solver reads one triangle.
    private static void Symmetrise(Matrix<double> m)
    {
        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = i + 1; j < m.ColumnCount; j++)
            {
                var mean = (m[i, j] + m[j, i]) / 2;
                m[i, j] = mean;
                m[j, i] = mean;
            }
        }
    }
}
