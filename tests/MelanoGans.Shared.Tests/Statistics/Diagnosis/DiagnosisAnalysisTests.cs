using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Diagnosis;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Diagnosis;

public sealed class DiagnosisAnalysisTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    private static RatingRow Row(string rater, string item, string source, string lesionClass, int response, string? picked = null) =>
        new("s", rater, item, source, source == "isic" ? RatingTruth.Real : RatingTruth.Fake, response, [], false, At, At, 1000,
            Task: RatingTask.Diagnosis, Class: lesionClass, Diagnosis: picked);

    [Fact]
    public void A_worked_example_gives_the_hand_computed_auc_sensitivity_specificity_and_confusion()
    {
        // Two melanomas scored 6 and 4, three nevi scored 1, 4 and 2. Pairs (melanoma above nevus): 6 beats all three,
        // 4 beats 1 and 2 and ties 4: 3 + 2.5 = 5.5 of 6, AUC 0.9167. Sensitivity (4-6): 2 of 2. Specificity (1-3): 2 of 3.
        var rows = new[]
        {
            Row("ann", "m1", "isic", "melanoma", 6, "melanoma"), Row("ann", "m2", "isic", "melanoma", 4, "nevus"),
            Row("ann", "n1", "isic", "nevus", 1, "nevus"), Row("ann", "n2", "isic", "nevus", 4, "melanoma"),
            Row("ann", "n3", "isic", "nevus", 2, "nevus"),
        };

        var source = Assert.Single(DiagnosisAnalysis.Compute(rows, []).Sources);

        var ann = Assert.Single(source.Raters);
        Assert.Equal(5.5 / 6, ann.Auc!.Value, 12);
        Assert.Equal((2, 2), (ann.Sensitivity.Successes, ann.Sensitivity.Trials));
        Assert.Equal((2, 3), (ann.Specificity.Successes, ann.Specificity.Trials));
        Assert.Equal((5, 2), (source.Items, source.Melanomas));
        Assert.Equal(
            [new DiagnosisConfusion("melanoma", "melanoma", 1), new DiagnosisConfusion("melanoma", "nevus", 1),
             new DiagnosisConfusion("nevus", "melanoma", 1), new DiagnosisConfusion("nevus", "nevus", 2)],
            source.Confusion);
    }

    [Fact]
    public void Per_rater_aucs_equal_a_pair_count_and_the_mrmc_comparison_reads_each_source_on_its_own_cases()
    {
        var rows = Study(seed: 4);

        var report = DiagnosisAnalysis.Compute(rows, []);

        Assert.Equal(["gan-b", "isic"], report.Sources.Select(s => s.Source));
        foreach (var source in report.Sources)
        foreach (var rater in source.Raters)
        {
            // The Mann-Whitney definition, pair by pair: independent of the histogram walk.
            var own = rows.Where(r => r.Source == source.Source && r.Rater == rater.Rater).ToList();
            var melanomas = own.Where(r => r.Class == "melanoma").Select(r => r.Response).ToList();
            var others = own.Where(r => r.Class != "melanoma").Select(r => r.Response).ToList();
            var wins = melanomas.Sum(m => others.Sum(o => m > o ? 1.0 : m == o ? 0.5 : 0));
            Assert.Equal(wins / (melanomas.Count * others.Count), rater.Auc!.Value, 12);
        }

        // MRMC's test AUC (placement values over its own cases) is the mean of the raters' AUCs (histograms).
        var comparison = report.Comparison!;
        Assert.Equal(3, comparison.Readers);
        foreach (var source in report.Sources)
            Assert.Equal(source.Pooled.Auc!.Value, comparison.Tests.Single(t => t.Name == source.Source).Auc, 12);
        Assert.Single(comparison.Comparisons);

        var table = MrmcDiagnosisTable.From(rows, [], [])!;
        Assert.False(table.Crossed);
        for (var t = 0; t < table.Tests.Count; t++)
        for (var c = 0; c < table.Cases.Count; c++)
            Assert.Equal(rows.First(r => r.Item == table.Cases[c]).Source == table.Tests[t], table.Saw(t, c));
    }

    [Fact]
    public void The_comparison_with_the_reals_reads_generator_minus_real_whichever_order_the_analysis_took()
    {
        var rows = Study(seed: 4);
        // "gan-b" sorts before "isic", "zeta" after it: the MRMC comparison takes the pair in the other order.
        var renamed = rows.Select(r => r.Source == "gan-b" ? r with { Source = "zeta" } : r).ToList();

        var before = Assert.Single(DiagnosisVersusReal.From(DiagnosisAnalysis.Compute(rows, [])));
        var after = Assert.Single(DiagnosisVersusReal.From(DiagnosisAnalysis.Compute(renamed, [])));

        Assert.Equal(("gan-b", "isic"), (before.Generator, before.Real));
        Assert.Equal(("zeta", "isic"), (after.Generator, after.Real));
        foreach (var v in new[] { before, after })
        {
            Assert.Equal(v.GeneratorAuc - v.RealAuc, v.Difference, 12);
            Assert.InRange(v.Difference, v.CiLower, v.CiUpper);
        }
        Assert.Equal((before.Difference, before.CiLower, before.CiUpper, before.P), (after.Difference, after.CiLower, after.CiUpper, after.P));
    }

    [Fact]
    public void Unknown_classes_and_incomplete_raters_are_left_out_with_the_reason_and_realism_statistics_skip_diagnosis_rows()
    {
        var rows = Study(seed: 5).Where(r => !(r.Rater == "r3" && r.Item == "isic-0")).ToList();
        rows.Add(Row("r1", "mystery", "isic", "melanoma", 3) with { Class = null });

        var report = DiagnosisAnalysis.Compute(rows, []);

        Assert.Contains("1 diagnosis answers on items of unknown class are left out: without the true class there is nothing to score.", report.Messages);
        Assert.Single(report.Messages, m => m.Contains("unknown class", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.StartsWith("Rater 'r3' has not diagnosed 1 of the", StringComparison.Ordinal));
        Assert.Equal(2, report.Comparison!.Readers);
        var realism = StudyStatistics.Compute(rows);
        Assert.Equal(0, realism.RaterCount);
        Assert.Contains(realism.Messages, m => m.Contains("diagnosis answers are left out of the realism statistics", StringComparison.Ordinal));
        // The study's report carries the diagnosis analysis; a realism table's has none.
        Assert.Equal(report.Sources.Select(s => s.Pooled.Auc), realism.Diagnosis!.Sources.Select(s => s.Pooled.Auc));
        Assert.Null(StudyStatistics.Compute(SyntheticRatings.Generate(raters: 3, items: 20, seed: 1)).Diagnosis);
    }

    [Fact]
    public void An_excluded_rater_leaves_the_diagnosis_analysis_and_the_report_counts_their_rows()
    {
        var rows = Study(seed: 6);

        var report = StudyStatistics.Compute(rows, new StatisticsOptions { ExcludedRaters = ["r2"] });

        Assert.Equal(["r1", "r3"], report.Diagnosis!.Sources[0].Raters.Select(r => r.Rater));
        Assert.Equal(2, report.Diagnosis.Comparison!.Readers);
        Assert.Equal(40, Assert.Single(report.Protocol.Exclusions).RowsLeftOut);
        Assert.Contains("Rater 'r2' is excluded: 40 rows left out of every statistic but catch accuracy.", report.Messages);
    }

    [Fact]
    public void A_diagnosis_catch_answer_is_right_when_melanoma_goes_with_4_to_6_and_anything_else_with_1_to_3()
    {
        var rows = Study(seed: 7);
        rows.AddRange(new[]
        {
            Row("r1", "noise", "catch noise", "melanoma", 2) with { Class = null, IsCatch = true }, // no lesion: benign is right
            Row("r1", "c-m1", "isic", "melanoma", 5) with { IsCatch = true },
            Row("r1", "c-m2", "isic", "melanoma", 2) with { IsCatch = true },
            Row("r1", "c-n1", "isic", "nevus", 4) with { IsCatch = true },
        });

        var report = StudyStatistics.Compute(rows);

        var accuracy = Assert.Single(report.Protocol.Catch);
        Assert.Equal(("r1", 2, 4), (accuracy.Rater, accuracy.Accuracy.Successes, accuracy.Accuracy.Trials));
        // Catch answers stay out of the diagnosis analysis.
        Assert.Equal(40, report.Diagnosis!.Sources.Sum(s => s.Raters.Single(r => r.Rater == "r1").Answers));
    }

    // Three raters, 20 real items (8 melanomas) and 20 of gan-b (8 melanomas); real melanomas are easier to tell.
    private static List<RatingRow> Study(int seed)
    {
        var random = new Random(seed);
        var rows = new List<RatingRow>();
        foreach (var (source, shift) in new[] { ("isic", 2.0), ("gan-b", 0.8) })
        for (var i = 0; i < 20; i++)
        {
            var melanoma = i < 8;
            foreach (var rater in new[] { "r1", "r2", "r3" })
            {
                var score = 3.5 + (melanoma ? shift : -shift) / 2 + 1.2 * (random.NextDouble() - 0.5) * 2;
                rows.Add(Row(rater, $"{source}-{i}", source, melanoma ? "melanoma" : i % 2 == 0 ? "nevus" : "seborrheic_keratosis",
                    Math.Clamp((int)Math.Round(score), 1, 6)));
            }
        }

        return rows;
    }
}
