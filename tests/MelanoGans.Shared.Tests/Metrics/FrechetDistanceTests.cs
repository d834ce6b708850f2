using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class FrechetDistanceTests
{
    private static Dictionary<string, FeatureMatrix> Pair(FeatureMatrix a, FeatureMatrix b) => new() { ["a"] = a, ["b"] = b };

    [Fact]
    public void Matches_scipy_sqrtm_for_different_means_and_covariances()
    {
        // Odd sizes exercise the vector tails of the covariance sums.
        var a = FeatureSets.Gaussian(401, 33, seed: 1);
        var b = FeatureSets.Gaussian(299, 33, seed: 2, mean: 0.3, scale: 1.4, mixing: 0.8);
        var reference = MetricsReference.Run("fd", Pair(a, b));

        var fd = FrechetDistance.Compute(a, b);

        Assert.True(fd > 1, $"FD {fd} should be clearly positive for shifted sets");
        Assert.Equal(reference.GetProperty("fd_sqrtm").GetDouble(), fd, 1e-9 * reference.GetProperty("trace").GetDouble());
    }

    [Fact]
    public void Works_with_fewer_rows_than_columns()
    {
        // 41 and 50 rows in 64 columns: both covariances are singular (rank 40 and 49).
        var a = FeatureSets.Gaussian(41, 64, seed: 3);
        var b = FeatureSets.Gaussian(50, 64, seed: 4, mean: 0.2, scale: 0.8);
        var reference = MetricsReference.Run("fd", Pair(a, b));

        var fd = FrechetDistance.Compute(a, b);

        var trace = reference.GetProperty("trace").GetDouble();
        Assert.Equal(reference.GetProperty("fd_eigvals").GetDouble(), fd, 1e-8 * trace);
        // scipy's Schur square root of a singular product is less accurate; it still agrees closely.
        Assert.Equal(reference.GetProperty("fd_sqrtm").GetDouble(), fd, 1e-5 * trace);
    }

    [Theory]
    [InlineData(300, 16)]
    [InlineData(30, 64)]
    public void Is_zero_for_identical_sets(int rows, int columns)
    {
        var a = FeatureSets.Gaussian(rows, columns, seed: 5);

        var fd = FrechetDistance.Compute(a, a);

        // tr(S1) + tr(S2) is about 2 * columns; the square roots of rounding-level eigenvalues leave ~1e-7 each.
        Assert.InRange(fd, -1e-5, 1e-5);
    }

    [Fact]
    public void A_mean_shift_alone_adds_its_squared_length()
    {
        var a = FeatureSets.Gaussian(200, 8, seed: 6);
        var shifted = new FeatureMatrix(a.Rows, a.Columns, [.. a.Data.Select(v => v + 0.5f)]);

        // Same covariance, mean moved by 0.5 in each of 8 columns: 8 * 0.25.
        Assert.Equal(2.0, FrechetDistance.Compute(a, shifted), 1e-5);
    }
}
