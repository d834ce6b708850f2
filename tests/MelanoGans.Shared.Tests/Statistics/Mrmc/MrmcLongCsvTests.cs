using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>Issue 23: bad long-format input gets a one-line reason naming the line.</summary>
public sealed class MrmcLongCsvTests
{
    // Reader A: AUC 2.5 / 4 = 0.625; reader B: 3.5 / 4 = 0.875.
    private const string Good = "reader,test,case,truth,rating\nA,t,1,0,1\nA,t,2,1,3\nA,t,3,0,3\nA,t,4,1,2\nB,t,1,0,2\nB,t,2,1,4\nB,t,3,0,3\nB,t,4,1,3\n";

    [Theory]
    [InlineData("reader,case,truth,rating\nA,1,0,1\n", "line 1: no 'test' column")]
    [InlineData("reader,test,case,truth,rating\nA,t,1,0,high\n", "line 2: rating 'high' is not a number.")]
    [InlineData("reader,test,case,truth,rating\nA,t,1,2,1\n", "line 2: truth '2' is not 0 or 1.")]
    [InlineData("reader,test,case,truth,rating\nA,t,1,0,1\nA,t,1,0,2\n", "line 3: reader 'A', test 't', case '1' is rated twice.")]
    [InlineData("reader,test,case,truth,rating\nA,t,1,0,1\nA,t,2,0,2\n", "Every case has truth 0")]
    [InlineData("reader,test,case,truth,rating\nA,t,1,0,1\nA,t,2,1,2\nB,t,1,0,1\n", "Reader 'B' has no rating of case '2' under test 't'")]
    public void Bad_input_is_refused_with_a_reason(string csv, string reason)
    {
        var refused = Assert.Throws<MrmcInputException>(() => MrmcLongCsv.Parse(csv));
        Assert.StartsWith(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_file_reads_with_modality_for_test_and_one_reader_is_too_few()
    {
        var table = MrmcLongCsv.Parse(Good.Replace("reader,test,", "reader,modality,", StringComparison.Ordinal));
        Assert.Equal((1, 2, 4), (table.Tests.Count, table.Readers.Count, table.Cases.Count));
        Assert.Equal(0.75, ObuchowskiRockette.Analyse(table).Tests.Single().Auc, 12);

        var alone = MrmcLongCsv.Parse(string.Join('\n', Good.Split('\n').Where(l => !l.StartsWith("B,", StringComparison.Ordinal))));
        Assert.Equal("MRMC needs at least 2 readers; the table has 1.", Assert.Throws<MrmcInputException>(() => ObuchowskiRockette.Analyse(alone)).Message);
    }
}
