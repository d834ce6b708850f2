using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class StudyReportJsonTests
{
    [Fact]
    public void An_infinite_number_is_written_as_a_named_literal_and_read_back()
    {
        // A study whose MRMC analysis has an infinite statistic (seen on a small browser-test study: the export answered
        // 500 because JSON has no infinity).
        var report = StudyStatistics.Compute(SyntheticRatings.Generate(raters: 3, items: 60, seed: 4), new StatisticsOptions { BootstrapResamples = 0 });
        var mrmc = Assert.IsType<MelanoGans.Shared.Statistics.Mrmc.MrmcReport>(report.Mrmc.Report);
        var infinite = report with { Mrmc = report.Mrmc with { Report = mrmc with { F = double.PositiveInfinity } } };

        var json = StudyReportJson.Serialize(infinite);

        Assert.Contains("\"f\": \"Infinity\"", json, StringComparison.Ordinal);
        Assert.Equal(double.PositiveInfinity, StudyReportJson.Deserialize(json)!.Mrmc.Report!.F);
    }
}
