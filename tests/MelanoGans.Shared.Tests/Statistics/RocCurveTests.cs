using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using static MelanoGans.Shared.Contracts.RatingTruth;
using static MelanoGans.Shared.Tests.Statistics.RatingRows;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class RocCurveTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-roc-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Worked_example_gives_the_points_by_hand()
    {
        // Fakes answered 1, 2, 5; reals answered 3, 6. Score = 7 - response: fakes {6, 5, 2}, reals {4, 1}.
        // Reference, by hand: threshold t calls score >= t fake. t=7: (0,0); 6: (0,1/3); 5: (0,2/3); 4: (1/2,2/3);
        // 3: (1/2,2/3); 2: (1/2,1); 1: (1,1). Area = 1/2 * 2/3 + 1/2 * 1 = 5/6, the Mann-Whitney AUC (5 of 6 pairs).
        var curve = RocCurve.FromResponseCounts("a", [1, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]);

        double[][] expected = [[0, 0], [0, 1 / 3.0], [0, 2 / 3.0], [0.5, 2 / 3.0], [0.5, 2 / 3.0], [0.5, 1], [1, 1]];
        Assert.Equal(expected.Length, curve.Points.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(7 - i, curve.Points[i].Threshold);
            Assert.Equal(expected[i][0], curve.Points[i].FalsePositiveRate, 12);
            Assert.Equal(expected[i][1], curve.Points[i].TruePositiveRate, 12);
        }

        Assert.Equal(5 / 6.0, curve.Auc!.Value, 12);
        Assert.Equal(RocAuc.FromCounts([0, 1, 0, 0, 1, 1], [1, 0, 1, 0, 0, 0])!.Value, curve.Auc.Value, 12);
    }

    [Fact]
    public void Undefined_without_both_classes()
    {
        var curve = RocCurve.FromResponseCounts("a", [0, 0, 0, 0, 0, 0], [1, 2, 0, 0, 0, 3]);

        Assert.Empty(curve.Points);
        Assert.Null(curve.Auc);
        Assert.Equal(6, curve.Reals);
    }

    [Fact]
    public void Trapezoid_area_equals_the_reports_auc_for_every_rater_and_pooled()
    {
        var rows = SyntheticRatings.Generate(raters: 5, items: 60, seed: 11, missingShare: 0.2, repeatShare: 0.1);
        var report = StudyStatistics.Compute(rows, new StatisticsOptions { BootstrapResamples = 0 });

        var curves = RocCurves.Compute(rows);

        Assert.Equal(report.Raters.Count + 1, curves.Count);
        for (var r = 0; r < report.Raters.Count; r++)
        {
            Assert.Equal(report.Raters[r].Rater, curves[r].Rater);
            Assert.Equal(report.Raters[r].Auc!.Value, RocCurve.TrapezoidArea(curves[r].Points), 12);
            Assert.Equal(report.Raters[r].Classification.Answers, curves[r].Fakes + curves[r].Reals);
        }

        Assert.Equal(RocCurves.Pooled, curves[^1].Rater);
        Assert.Equal(report.OverallAuc!.Value, curves[^1].Auc!.Value, 12);
    }

    [Fact]
    public void Points_and_auc_match_numpy_and_scipy()
    {
        // Reference: dashboard_reference.py, ROC points from numpy means of score >= t and the AUC from
        // scipy.stats.mannwhitneyu U / (n1 n0), on the first answers of the same CSV.
        var rows = SyntheticRatings.Generate(raters: 4, items: 80, seed: 5, missingShare: 0.1);
        var path = Path.Combine(_directory, "ratings.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(rows));
        var python = DashboardReference.Run(path, [0, 1]).GetProperty("raters");

        var curves = RocCurves.Compute(rows).Where(c => c.Rater != RocCurves.Pooled).ToList();
        Assert.Equal(python.EnumerateObject().Count(), curves.Count);
        foreach (var curve in curves)
        {
            var expected = python.GetProperty(curve.Rater);
            Assert.Equal(expected.GetProperty("auc").GetDouble(), curve.Auc!.Value, 10);
            var points = expected.GetProperty("points").EnumerateArray().ToArray();
            Assert.Equal(points.Length, curve.Points.Count);
            for (var i = 0; i < points.Length; i++)
            {
                Assert.Equal(points[i][0].GetDouble(), curve.Points[i].FalsePositiveRate, 12);
                Assert.Equal(points[i][1].GetDouble(), curve.Points[i].TruePositiveRate, 12);
            }
        }
    }

    [Fact]
    public void Repeats_do_not_enter_the_curve()
    {
        RatingRow[] rows =
        [
            Row("a", "f1", Fake, 1), Row("a", "r1", Real, 6),
            Row("a", "f1", Fake, 6, repeat: true),
        ];

        var curve = RocCurves.Compute(rows)[0];

        Assert.Equal(1, curve.Fakes);
        Assert.Equal(1.0, curve.Auc!.Value, 12);
    }
}
