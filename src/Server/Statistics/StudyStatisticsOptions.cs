using System.ComponentModel.DataAnnotations;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Server.Statistics;

/// <summary>How the dashboard computes statistics. Bound from <c>Studio:Statistics</c>.</summary>
/// <remarks>Keep these equal to <c>melanogans stats</c>'s defaults (1000, seed 1), or the exports stop matching.</remarks>
public sealed class StudyStatisticsOptions
{
    public const string Section = "Studio:Statistics";

    /// <summary>Bootstrap resamples over items for the Krippendorff alpha intervals; 0 skips the intervals.</summary>
    [Range(0, 100_000)]
    public int BootstrapResamples { get; set; } = 1000;

    /// <summary>Seed of the bootstrap, so the same answers always give the same intervals.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The options of the statistics library.</summary>
    public StatisticsOptions ToStatisticsOptions() => new() { BootstrapResamples = BootstrapResamples, Seed = Seed };
}
