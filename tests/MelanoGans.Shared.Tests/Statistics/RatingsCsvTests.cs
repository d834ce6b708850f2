using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class RatingsCsvTests
{
    private static RatingRow Row(string rater = "r1", string item = "i1", IReadOnlyList<string>? tags = null, string study = "s") =>
        new(study, rater, item, "dcgan", RatingTruth.Fake, 2, tags ?? ["blur"], false,
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 3, 4, 9, TimeSpan.Zero), 4000);

    private static string Line(string cells) => RatingsCsv.Header + "\n" + cells + "\n";

    [Fact]
    public void Writes_the_exact_header_and_round_trips()
    {
        RatingRow[] rows = [Row(), Row("r2", "i,2", ["a", "b \"quoted\""]), Row(study: "line\nbreak")];

        var csv = RatingsCsv.ToCsv(rows);
        var back = RatingsCsv.Read(new StringReader(csv));

        Assert.StartsWith(RatingsCsv.Header + "\r\n", csv, StringComparison.Ordinal);
        Assert.True(back.IsValid, string.Join("; ", back.Errors));
        Assert.Equal(rows.Length, back.Rows.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i] with { Tags = back.Rows[i].Tags }, back.Rows[i]);
            Assert.Equal(rows[i].Tags, back.Rows[i].Tags);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    [InlineData("'already")]
    public void Neutralises_formula_cells_and_reads_them_back(string rater)
    {
        var csv = RatingsCsv.ToCsv([Row(rater)]);
        var line = csv.Split("\r\n")[1];

        // Each cell starts with the apostrophe (a quoted cell right after its opening quote).
        Assert.True(line.StartsWith("s,'", StringComparison.Ordinal) || line.StartsWith("s,\"'", StringComparison.Ordinal), line);
        Assert.Equal(rater, RatingsCsv.Read(new StringReader(csv)).Rows.Single().Rater);
    }

    [Theory]
    [InlineData("s,r,i,src,real,7,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", "line 2: response must be an integer from 1 to 6, found '7'")]
    [InlineData("s,r,i,src,maybe,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", "line 2: truth must be 'real' or 'fake', found 'maybe'")]
    [InlineData("s,r,i,src,real,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z", "line 2: expected 11 fields, found 10")]
    [InlineData("s,,i,src,real,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", "line 2: rater is empty")]
    [InlineData("s,r,i,src,real,3,,perhaps,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", "line 2: is_repeat must be true or false, found 'perhaps'")]
    [InlineData("s,r,i,src,real,3,,false,yesterday,2026-01-01T00:00:01Z,5", "line 2: started_at is not an ISO 8601 time: 'yesterday'")]
    [InlineData("s,r,i,src,real,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,-5", "line 2: active_ms must be a non-negative integer, found '-5'")]
    [InlineData("s,r,\"i,src,real,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", "line 2: a quoted field is not closed before the end of the file")]
    [InlineData("s,r,i\"x,src,real,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", "line 2: a quote inside an unquoted field (quote the whole field and double the quote)")]
    public void Malformed_rows_give_line_numbered_errors(string row, string error)
    {
        var result = RatingsCsv.Read(new StringReader(Line(row)));

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(error, result.Errors[0]);
    }

    [Fact]
    public void Line_numbers_count_line_breaks_inside_quoted_fields()
    {
        var good = "\"multi\nline\",r,i,src,real,3,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5";
        var bad = "s,r,i,src,real,0,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5";

        var result = RatingsCsv.Read(new StringReader(RatingsCsv.Header + "\n" + good + "\n" + bad + "\n"));

        Assert.Equal("line 4: response must be an integer from 1 to 6, found '0'", Assert.Single(result.Errors));
    }

    [Fact]
    public void Wrong_header_empty_file_and_missing_file_are_reported()
    {
        Assert.StartsWith("line 1: the header must be exactly", RatingsCsv.Read(new StringReader("a,b\n")).Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("line 1: the file is empty", RatingsCsv.Read(new StringReader("")).Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("cannot read", RatingsCsv.Read("/nonexistent/ratings.csv").Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Many_bad_rows_are_summarised()
    {
        var lines = Enumerable.Repeat("s,r,i,src,real,9,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5", 30);

        var result = RatingsCsv.Read(new StringReader(RatingsCsv.Header + "\n" + string.Join("\n", lines)));

        Assert.Equal(21, result.Errors.Count);
        Assert.Equal("... and 10 more problems", result.Errors[^1]);
    }
}
