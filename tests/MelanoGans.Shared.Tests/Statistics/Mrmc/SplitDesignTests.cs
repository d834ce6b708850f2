using System.Globalization;
using System.Text;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>
/// Issue 23: a studio study is a split design (reals shared by every generator, fakes of one generator each). The
/// union jackknife must equal a brute-force leave-one-out, and the studio table and the same answers written in the
/// long format must give identical analyses.
/// </summary>
public sealed class SplitDesignTests
{
    private static readonly IReadOnlyList<RatingRow> Rows = SyntheticRatings.Generate(raters: 4, items: 60, seed: 11, missingShare: 0, repeatShare: 0.1);

    [Fact]
    public void The_union_jackknife_equals_a_brute_force_leave_one_out()
    {
        var table = MrmcStudyTable.From(Rows, [], [])!;
        Assert.False(table.Crossed);
        int tests = table.Tests.Count, readers = table.Readers.Count, cases = table.Cases.Count;
        Assert.Equal(3, tests);

        // Refit every AUC from scratch without each case, over the cases its test showed.
        var loo = new double[tests * readers][];
        for (var t = 0; t < tests; t++)
        for (var r = 0; r < readers; r++)
            loo[t * readers + r] = Enumerable.Range(0, cases).Select(k => NaiveAuc(table, t, r, leaveOut: k)).ToArray();
        var expected = new double[tests * readers, tests * readers];
        for (var a = 0; a < loo.Length; a++)
        for (var b = 0; b < loo.Length; b++)
        {
            double ma = loo[a].Average(), mb = loo[b].Average();
            expected[a, b] = (cases - 1.0) / cases * Enumerable.Range(0, cases).Sum(k => (loo[a][k] - ma) * (loo[b][k] - mb));
        }

        var or = OrComponents.Compute(table, MrmcCovarianceMethod.Jackknife);
        for (var t = 0; t < tests; t++)
        for (var r = 0; r < readers; r++)
            Assert.Equal(NaiveAuc(table, t, r, leaveOut: -1), or.Auc[t, r], 12);
        for (var a = 0; a < loo.Length; a++)
        for (var b = 0; b < loo.Length; b++)
            Assert.Equal(expected[a, b], or.Covariance[a, b], 14);
    }

    [Fact]
    public void The_studio_table_and_the_long_format_give_the_same_analysis()
    {
        var messages = new List<string>();
        var fromStudio = ObuchowskiRockette.Analyse(MrmcStudyTable.From(Rows, [], messages)!);

        // The same first answers in the long format: each real once per generator, fakes under their own.
        var csv = new StringBuilder("reader,test,case,truth,rating\n");
        var first = Rows.Where(r => !r.IsRepeat).ToList();
        foreach (var test in SyntheticRatings.Models)
        foreach (var row in first.Where(r => r.Truth == RatingTruth.Real || r.Source == test))
            csv.Append(CultureInfo.InvariantCulture, $"{row.Rater},{test},{row.Item},{(row.Truth == RatingTruth.Fake ? 1 : 0)},{7 - row.Response}\n");
        var fromLong = ObuchowskiRockette.Analyse(MrmcLongCsv.Parse(csv.ToString()));

        Assert.Empty(messages);
        Assert.Equal(fromStudio.Tests.Select(t => t.Name).Order(), fromLong.Tests.Select(t => t.Name).Order());
        // Equal up to the order of summation (the two paths list the cases in different orders).
        void Same(double? x, double? y) => Assert.Equal(x!.Value, y!.Value, 12);
        foreach (var test in fromStudio.Tests)
        {
            var other = fromLong.Tests.Single(t => t.Name == test.Name);
            Same(test.Auc, other.Auc);
            Same(test.Stderr, other.Stderr);
            Same(test.CiLower, other.CiLower);
            Same(test.CiUpper, other.CiUpper);
        }

        foreach (var (x, y) in new[] { (fromStudio.F, fromLong.F), (fromStudio.Ddf, fromLong.Ddf), (fromStudio.P, fromLong.P), (fromStudio.VarError, fromLong.VarError),
                     (fromStudio.Cov1, fromLong.Cov1), (fromStudio.Cov2, fromLong.Cov2), (fromStudio.Cov3, fromLong.Cov3) })
            Same(x, y);
    }

    [Fact]
    public void Raters_who_did_not_answer_every_item_are_named_and_left_out_and_paired_studies_get_a_reason()
    {
        var incomplete = Rows.Where(r => !(r.Rater == "rater02" && r.Item == Rows[0].Item)).ToList();
        var messages = new List<string>();
        var table = MrmcStudyTable.From(incomplete, [], messages)!;
        Assert.DoesNotContain("rater02", table.Readers);
        Assert.Contains(messages, m => m.StartsWith("Rater 'rater02' has not answered 1 of the", StringComparison.Ordinal));

        var paired = new List<string>();
        Assert.Null(MrmcStudyTable.From([Rows[0] with { Mode = RatingMode.Paired, Response = RatingRow.NoResponse, Chosen = RatingTruth.Real }], [], paired));
        Assert.Contains("no rating scale", Assert.Single(paired), StringComparison.Ordinal);

        var one = new List<string>();
        Assert.Null(MrmcStudyTable.From(Rows.Where(r => r.Rater == "rater01").ToList(), [], one));
        Assert.Equal("MRMC needs at least 2 raters who answered every item; there is 1.", Assert.Single(one));
    }

    // Trapezoidal AUC straight from its definition: every abnormal-normal pair, ties one half.
    private static double NaiveAuc(MrmcTable table, int test, int reader, int leaveOut)
    {
        var seen = Enumerable.Range(0, table.Cases.Count).Where(c => c != leaveOut && table.Saw(test, c)).ToList();
        var x = table.Ratings[test][reader];
        var abnormal = seen.Where(c => table.Abnormal[c]).ToList();
        var normal = seen.Where(c => !table.Abnormal[c]).ToList();
        var sum = abnormal.Sum(a => normal.Sum(n => x[a] > x[n] ? 1.0 : x[a] == x[n] ? 0.5 : 0));
        return sum / (abnormal.Count * normal.Count);
    }
}
