using System.CommandLine;
using System.Text.Json;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;
using MelanoGans.Training.Commands;

namespace MelanoGans.Training.Tests.Commands;

/// <summary>Issue 23: <c>melanogans mrmc</c> and <c>melanogans power</c> print what the library computes, and refuse bad input with one line.</summary>
public sealed class MrmcCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-mrmc-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { MrmcCommand.Create(), PowerCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string StudioTable() => Write("ratings.csv", RatingsCsv.ToCsv(SyntheticRatings.Generate(raters: 4, items: 60, seed: 5, missingShare: 0, repeatShare: 0.1)));

    [Fact]
    public void A_studio_table_gives_the_library_analysis_with_the_documented_keys()
    {
        var path = StudioTable();

        var (exit, output, error) = Run("mrmc", "--ratings", path, "--json");

        Assert.Equal((0, ""), (exit, error));
        var json = JsonDocument.Parse(output).RootElement;
        foreach (var key in new[] { "readers", "cases", "covariance", "var_error", "cov1", "cov2", "cov3", "f", "ddf", "p", "tests", "comparisons" })
            Assert.True(json.TryGetProperty(key, out _), $"no '{key}' in the JSON");
        var expected = ObuchowskiRockette.Analyse(MrmcStudyTable.From(RatingsCsv.Read(path).Rows, [], [])!);
        Assert.Equal(expected.F!.Value, json.GetProperty("f").GetDouble(), 12);
        var first = json.GetProperty("tests")[0];
        foreach (var key in new[] { "name", "auc", "stderr", "df", "ci_lower", "ci_upper", "p_vs_chance" }) Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal(expected.Tests[0].Auc, first.GetProperty("auc").GetDouble(), 12);
        Assert.Equal(3, json.GetProperty("comparisons").GetArrayLength());
        Assert.Equal(2, json.GetProperty("comparisons")[0].GetProperty("tests").GetArrayLength());

        var (textExit, text, _) = Run("mrmc", "--ratings", path, "--tests", "dcgan,ddgan", "--analysis", "frrc");
        Assert.Equal(0, textExit);
        Assert.Contains("MRMC analysis (FRRC, jackknife covariances): 4 readers", text, StringComparison.Ordinal);
        Assert.Contains("dcgan - ddgan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("lapgan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagnosis_table_compares_the_sources_melanoma_aucs()
    {
        // Three raters diagnose 10 real and 10 generated lesions (4 melanomas each); the sources become the tests.
        var at = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        var random = new Random(2);
        var rows = (from source in new[] { "isic", "gan-b" }
                    from i in Enumerable.Range(0, 10)
                    from rater in new[] { "r1", "r2", "r3" }
                    let melanoma = i < 4
                    select new Shared.Contracts.RatingRow("s", rater, $"{source}-{i}", source,
                        source == "isic" ? Shared.Contracts.RatingTruth.Real : Shared.Contracts.RatingTruth.Fake,
                        Math.Clamp((melanoma ? 4 : 3) + random.Next(-2, 3), 1, 6), [], false, at, at, 900,
                        Task: Shared.Contracts.RatingTask.Diagnosis, Class: melanoma ? "melanoma" : "nevus")).ToList();
        var path = Write("diagnosis.csv", RatingsCsv.ToCsv(rows));

        var (exit, output, error) = Run("mrmc", "--ratings", path, "--json");

        Assert.Equal((0, ""), (exit, error));
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["gan-b", "isic"], json.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var expected = ObuchowskiRockette.Analyse(MrmcDiagnosisTable.From(rows, [], [])!);
        Assert.Equal(expected.Comparisons[0].Difference, json.GetProperty("comparisons")[0].GetProperty("difference").GetDouble(), 12);
        Assert.Equal(20, json.GetProperty("cases").GetInt32());
    }

    [Theory]
    [InlineData("reader,test,case,truth,rating\nA,t,1,0,1\nA,t,2,1,x\n", "line 3: rating 'x' is not a number.")]
    [InlineData("reader,test,case,truth,rating\nA,t,1,0,1\nA,t,2,1,2\nB,t,1,0,1\n", "Reader 'B' has no rating of case '2' under test 't'")]
    [InlineData("reader,test,case\nA,t,1\n", "line 1: no 'truth' column")]
    public void Bad_long_format_input_exits_1_with_one_line(string csv, string reason)
    {
        var (exit, output, error) = Run("mrmc", "--ratings", Write("bad.csv", csv));

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Power_and_sample_size_from_a_pilot_agree_with_each_other()
    {
        var pilot = StudioTable();

        var (exit, output, error) = Run("power", "--pilot", pilot, "--readers", "6", "--target-power", "0.8", "--effect", "0.1", "--json");
        Assert.Equal((0, ""), (exit, error));
        var needed = JsonDocument.Parse(output).RootElement;
        foreach (var key in new[] { "readers", "cases", "effect", "ddf", "ncp", "power" }) Assert.True(needed.TryGetProperty(key, out _), key);
        var cases = needed.GetProperty("cases").GetInt32();
        Assert.True(needed.GetProperty("power").GetDouble() > 0.8);

        // One case fewer does not reach it: the search returns the first that does.
        var (_, fewer, _) = Run("power", "--pilot", pilot, "--readers", "6", "--cases", (cases - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--effect", "0.1", "--json");
        Assert.True(JsonDocument.Parse(fewer).RootElement.GetProperty("power").GetDouble() <= 0.8);

        var (both, _, reason) = Run("power", "--pilot", pilot, "--readers", "6");
        Assert.Equal(1, both);
        Assert.Contains("either --cases K", reason, StringComparison.Ordinal);
    }
}
