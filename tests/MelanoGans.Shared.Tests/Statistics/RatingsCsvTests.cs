using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public class RatingsCsvTests
{
    private static RatingRow Row(string rater = "r1", string item = "i1", IReadOnlyList<string>? tags = null, string study = "s") =>
        new(study, rater, item, "dcgan", RatingTruth.Fake, 2, tags ?? ["blur"], false,
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 3, 4, 9, TimeSpan.Zero), 4000);

    // Most malformed-row cases are written in the old, untimed format (which must keep reading); protocol cases use Protocol.
    private static string Line(string cells) => RatingsCsv.UntimedHeader + "\n" + cells + "\n";

    private static string Protocol(string cells) => RatingsCsv.ProtocolHeader + "\n" + cells + "\n";

    private static string Tasks(string cells) => RatingsCsv.Header + "\n" + cells + "\n";

    private const string Base = "s,r,i,src,fake,2,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5,";

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

        var result = RatingsCsv.Read(new StringReader(RatingsCsv.UntimedHeader + "\n" + good + "\n" + bad + "\n"));

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

        var result = RatingsCsv.Read(new StringReader(RatingsCsv.UntimedHeader + "\n" + string.Join("\n", lines)));

        Assert.Equal(21, result.Errors.Count);
        Assert.Equal("... and 10 more problems", result.Errors[^1]);
    }

    [Fact]
    public void Protocol_columns_are_written_always_and_round_trip()
    {
        var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        RatingRow[] rows =
        [
            Row(),
            Row("r2") with { Mode = RatingMode.Fixed, ExposureMs = 517, IsPractice = true },
            Row("r3") with { Mode = RatingMode.Staircase, ExposureMs = 233, IsCatch = true, Truth = RatingTruth.Real, Response = 6 },
            new("s", "r4", "pair1", "ddgan", RatingTruth.Fake, RatingRow.NoResponse, [], false, started, started.AddSeconds(2), 2000,
                RatingMode.Paired, null, false, false, RatingTruth.Fake),
        ];

        var csv = RatingsCsv.ToCsv(rows);
        var back = RatingsCsv.Read(new StringReader(csv));

        var lines = csv.Split("\r\n");
        Assert.Equal("study,rater,item,source,truth,response,tags,is_repeat,started_at,answered_at,active_ms,mode,exposure_ms,is_practice,is_catch,chosen,task,class,diagnosis", lines[0]);
        Assert.EndsWith(",4000,untimed,,false,false,,realism,,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",4000,fixed,517,true,false,,realism,,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",4000,staircase,233,false,true,,realism,,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("s,r4,pair1,ddgan,fake,,,false,", lines[4], StringComparison.Ordinal);
        Assert.EndsWith(",2000,paired,,false,false,fake,realism,,", lines[4], StringComparison.Ordinal);
        Assert.True(back.IsValid, string.Join("; ", back.Errors));
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i] with { Tags = back.Rows[i].Tags }, back.Rows[i]);
        }
    }

    [Fact]
    public void An_old_export_without_protocol_columns_reads_as_untimed_not_practice_not_catch()
    {
        const string old = "study,rater,item,source,truth,response,tags,is_repeat,started_at,answered_at,active_ms\r\n"
            + "Turing test,rater1,k7GQ2,isic2017,real,5,blur;hair,false,2026-01-01T10:00:00.0000000+00:00,2026-01-01T10:00:04.0000000+00:00,3800\r\n"
            + "Turing test,rater1,Zp0aa,dcgan,fake,2,,true,2026-01-01T10:00:05.0000000+00:00,2026-01-01T10:00:07.0000000+00:00,1900\r\n";

        var result = RatingsCsv.Read(new StringReader(old));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Rows.Count);
        Assert.All(result.Rows, r =>
        {
            Assert.Equal(RatingMode.Untimed, r.Mode);
            Assert.Null(r.ExposureMs);
            Assert.False(r.IsPractice);
            Assert.False(r.IsCatch);
            Assert.Null(r.Chosen);
        });
        Assert.Equal(["blur", "hair"], result.Rows[0].Tags);
        Assert.Equal(StudyStatistics.Compute(result.Rows).Overall.Accuracy.Estimate, 1.0);
    }

    [Theory]
    [InlineData(Base + "timed,,false,false,", "line 2: mode must be untimed, fixed, staircase or paired, found 'timed'")]
    [InlineData(Base + "fixed,-3,false,false,", "line 2: exposure_ms must be empty or a non-negative integer, found '-3'")]
    [InlineData(Base + "fixed,500,maybe,false,", "line 2: is_practice must be true or false, found 'maybe'")]
    [InlineData(Base + "fixed,500,false,yes,", "line 2: is_catch must be true or false, found 'yes'")]
    [InlineData(Base + "untimed,,false,false,left", "line 2: chosen must be real, fake or empty, found 'left'")]
    [InlineData(Base + "untimed,,false,false,real", "line 2: chosen is only for paired rows, found 'real' in mode untimed")]
    [InlineData(Base + "paired,,false,false,", "line 2: a paired row needs chosen (real or fake)")]
    [InlineData(Base + "paired,,false,false,real", "line 2: a paired row has an empty response (its answer is in chosen), found '2'")]
    [InlineData("s,r,i,src,real,,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5,paired,,false,false,real", "line 2: a paired row's truth is 'fake' (its source is the fake's), found 'real'")]
    [InlineData(Base + "untimed,,false", "line 2: expected 16 fields, found 14")]
    public void Malformed_protocol_cells_give_line_numbered_errors(string row, string error)
    {
        var result = RatingsCsv.Read(new StringReader(Protocol(row)));

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Errors[0]);
    }

    [Fact]
    public void Diagnosis_rows_round_trip_and_tables_without_the_task_columns_read_as_realism()
    {
        var at = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        RatingRow[] rows =
        [
            new("s", "ann", "i1", "isic", RatingTruth.Real, 5, [], false, at, at, 900, Task: RatingTask.Diagnosis, Class: "melanoma", Diagnosis: "melanoma"),
            new("s", "ann", "i2", "gan-b", RatingTruth.Fake, 2, [], false, at, at, 800, Task: RatingTask.Diagnosis, Class: "nevus"),
            new("s", "ann", "i3", "gan-b", RatingTruth.Fake, 3, [], false, at, at, 700),
        ];

        var read = RatingsCsv.Read(new StringReader(RatingsCsv.ToCsv(rows)));

        Assert.True(read.IsValid, string.Join(" ", read.Errors));
        Assert.Equal(rows, read.Rows, (a, b) => a with { Tags = [] } == b with { Tags = [] });
        Assert.EndsWith(",diagnosis,melanoma,melanoma", RatingsCsv.ToCsv(rows).Split("\r\n")[1]);
        Assert.EndsWith(",realism,,", RatingsCsv.ToCsv(rows).Split("\r\n")[3]);
        var older = RatingsCsv.Read(new StringReader(Protocol("s,r,i,src,real,2,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5,untimed,,false,false,")));
        Assert.Equal((RatingTask.Realism, null, null), (older.Rows[0].Task, older.Rows[0].Class, older.Rows[0].Diagnosis));
        // A picked diagnosis is written with its ISIC name, whatever spelling the file used.
        var spelled = RatingsCsv.Read(new StringReader(Tasks(Base + "untimed,,false,false,,diagnosis,nevus,SeborrheicKeratosis")));
        Assert.Equal("seborrheic_keratosis", spelled.Rows[0].Diagnosis);
    }

    [Theory]
    [InlineData(Base + "untimed,,false,false,,guess,,", "line 2: task must be realism, diagnosis or empty, found 'guess'")]
    [InlineData(Base + "untimed,,false,false,,realism,nevus,nevus", "line 2: diagnosis is only for diagnosis rows, found 'nevus' in a realism row")]
    [InlineData(Base + "untimed,,false,false,,diagnosis,nevus,mole", "line 2: diagnosis must be melanoma, nevus, seborrheic_keratosis or empty, found 'mole'")]
    [InlineData(Base + "untimed,,false,false,", "line 2: expected 19 fields, found 16")]
    public void Malformed_task_cells_give_line_numbered_errors(string row, string error)
    {
        var result = RatingsCsv.Read(new StringReader(Tasks(row)));

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Errors[0]);
    }
}
