using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>Builds a <see cref="StudyDashboard"/>; its report is exactly <see cref="StudyStatistics.Compute(IReadOnlyList{RatingRow}, StatisticsOptions?)"/> of the same rows.</summary>
public static class StudyDashboardBuilder
{
    /// <summary>The dashboard of <paramref name="rows"/> with the report computed under <paramref name="options"/>.</summary>
    public static StudyDashboard Build(IReadOnlyList<RatingRow> rows, StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // The table is indexed once and every part reads the same index.
        var indexMessages = new List<string>();
        var split = ProtocolRows.Split(rows, options?.ExcludedRaters ?? [], indexMessages);
        var data = StudyData.Build(split.Counted, indexMessages);
        return new StudyDashboard(
            StudyStatistics.Compute(rows, options, split, data, indexMessages),
            RocCurves.Compute(data),
            ItemConsensus.Compute(data),
            TimeHistogram.Compute(data));
    }
}
