using System.CommandLine;
using MelanoGans.Shared.Statistics;
using MelanoGans.Training.Commands;

namespace MelanoGans.Training.Tests.Commands;

public sealed class StatsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-stats-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { StatsCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private string WriteRatings()
    {
        var path = Path.Combine(_directory, "ratings.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(SyntheticRatings.Generate(raters: 4, items: 40, seed: 3, missingShare: 0.2, repeatShare: 0.1)));
        return path;
    }

    [Fact]
    public void Json_output_is_the_report_the_library_computes()
    {
        var path = WriteRatings();

        var (exitCode, output, error) = Run("stats", "--ratings", path, "--json", "--bootstrap", "200", "--seed", "4");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var expected = StudyStatistics.Compute(RatingsCsv.Read(path).Rows, new StatisticsOptions { BootstrapResamples = 200, Seed = 4 });
        Assert.Equal(StudyReportJson.Serialize(expected), output.TrimEnd());
        Assert.Equal(4, StudyReportJson.Deserialize(output)!.RaterCount);
    }

    [Fact]
    public void Text_output_has_the_tables()
    {
        var (exitCode, output, _) = Run("stats", "--ratings", WriteRatings(), "--bootstrap", "50");

        Assert.Equal(0, exitCode);
        Assert.Contains("Raters", output, StringComparison.Ordinal);
        Assert.Contains("rater01", output, StringComparison.Ordinal);
        Assert.Contains("Fleiss' kappa", output, StringComparison.Ordinal);
        Assert.Contains("Deception by model", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_file_gives_one_line_on_stderr_and_exit_1()
    {
        var path = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(path, RatingsCsv.UntimedHeader + "\ns,r,i,src,real,9,,false,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,5\n");

        var (exitCode, output, error) = Run("stats", "--ratings", path);
        var (missingExit, _, missingError) = Run("stats", "--ratings", Path.Combine(_directory, "missing.csv"));

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal("melanogans stats: bad.csv: line 2: response must be an integer from 1 to 6, found '9'", error.TrimEnd());
        Assert.Equal(1, missingExit);
        Assert.Single(missingError.TrimEnd().Split('\n'));
        Assert.StartsWith("melanogans stats: cannot read", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public void Protocol_figures_and_excluded_raters_reach_text_and_json()
    {
        var path = Path.Combine(_directory, "protocols.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(SyntheticProtocolRatings.Generate(raters: 4, items: 40, seed: 6)));

        var (exitCode, output, error) = Run("stats", "--ratings", path, "--bootstrap", "100", "--exclude-rater", "rater04", "--exclude-rater", "rater03");
        var (jsonExit, json, _) = Run("stats", "--ratings", path, "--json", "--bootstrap", "100", "--exclude-rater", "rater04");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        foreach (var expected in new[] { "Catch accuracy", "HYPE∞", "HYPE at a fixed exposure", "HYPE-time", "Paired choice", "excluded rater rater04:", "excluded rater rater03:", "Rater 'rater04' is excluded" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        Assert.Equal(0, jsonExit);
        var report = StudyStatistics.Compute(RatingsCsv.Read(path).Rows, new StatisticsOptions { BootstrapResamples = 100, ExcludedRaters = ["rater04"] });
        Assert.Equal(StudyReportJson.Serialize(report), json.TrimEnd());
        Assert.Contains("\"hype_infinity\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rows_left_out\"", json, StringComparison.Ordinal);
        Assert.Equal(3, StudyReportJson.Deserialize(json)!.RaterCount);
    }
}
