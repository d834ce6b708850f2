using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>Settings of <see cref="StudyStatistics.Compute(IReadOnlyList{RatingRow}, StatisticsOptions?)"/>.</summary>
public sealed record StatisticsOptions
{
    /// <summary>Bootstrap resamples (over items) for the Krippendorff alpha intervals; 0 skips the intervals.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap, so the same answers always give the same intervals.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Coverage of every interval (Wilson and bootstrap); 0.95 by default.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// Raters the lead left out (e.g. for failing the catch items): their rows enter no statistic but catch accuracy,
    /// and the report lists each exclusion with the rows it left out (<see cref="ProtocolReport.Exclusions"/>).
    /// </summary>
    public IReadOnlyCollection<string> ExcludedRaters { get; init; } = [];
}
