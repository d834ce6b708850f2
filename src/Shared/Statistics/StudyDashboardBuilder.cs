using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>Builds a <see cref="StudyDashboard"/>; its report is exactly <see cref="StudyStatistics.Compute"/> of the same rows.</summary>
public static class StudyDashboardBuilder
{
    /// <summary>The dashboard of <paramref name="rows"/> with the report computed under <paramref name="options"/>.</summary>
    public static StudyDashboard Build(IReadOnlyList<RatingRow> rows, StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new StudyDashboard(
            StudyStatistics.Compute(rows, options),
            RocCurves.Compute(rows),
            ItemConsensus.Compute(rows),
            TimeHistogram.Compute(rows));
    }
}
