using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class StudyDashboardBuilderTests
{
    [Fact]
    public void The_dashboards_report_is_the_reports_json_byte_for_byte()
    {
        var rows = SyntheticRatings.Generate(raters: 5, items: 60, seed: 2, missingShare: 0.1);
        var options = new StatisticsOptions { BootstrapResamples = 200, Seed = 4 };

        var dashboard = StudyDashboardBuilder.Build(rows, options);

        Assert.Equal(StudyReportJson.Serialize(StudyStatistics.Compute(rows, options)), StudyReportJson.Serialize(dashboard.Report));
        Assert.Equal(6, dashboard.RocCurves.Count);
        Assert.Equal(dashboard.Report.ItemCount, dashboard.Items.Count);
        Assert.Equal(dashboard.Report.FirstAnswers, dashboard.Time.Answers);
    }
}
