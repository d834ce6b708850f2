using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>The noncentral t against SciPy 1.10 (<c>scipy.stats.nct.cdf(t, df, nc)</c>, Debian 12's python3-scipy), an independent implementation.</summary>
public sealed class NoncentralDistributionsTests
{
    [Theory]
    [InlineData(1.7, 12.7, 2.5, 0.2145765147773414)]
    [InlineData(2.1, 4.2, 0.5, 0.8884397663110485)]
    [InlineData(0.3, 30, 3.0, 0.0034620397201304233)]
    [InlineData(-0.8, 8, 1.2, 0.026238029562438925)]
    [InlineData(1.812, 10, 4.0, 0.01939199529046277)]
    public void The_noncentral_t_matches_scipy(double t, double df, double delta, double scipy) =>
        Assert.Equal(scipy, NoncentralDistributions.TCdf(t, df, delta), 10);
}
