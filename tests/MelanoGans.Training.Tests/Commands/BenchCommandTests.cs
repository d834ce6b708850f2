using System.CommandLine;
using System.Text.Json;
using MelanoGans.Training.Commands;

namespace MelanoGans.Training.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Bench_stats_times_a_small_table()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();

        var exitCode = root.Parse(["bench", "stats", "--raters", "3", "--items", "20", "--bootstrap", "20", "--repetitions", "1", "--no-python", "--json"])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("compute_seconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("python_seconds").ValueKind);
    }

    [Fact]
    public void Bench_stats_times_both_python_references_on_the_same_table()
    {
        if (!File.Exists("/usr/bin/python3")) Assert.Skip("no /usr/bin/python3 with numpy, scipy and statsmodels (CI installs them)");
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();

        var exitCode = root.Parse(["bench", "stats", "--raters", "3", "--items", "20", "--bootstrap", "20", "--repetitions", "1", "--json"])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        var report = json.RootElement;
        Assert.Equal(JsonValueKind.Null, report.GetProperty("python_problem").ValueKind);
        var (statistics, protocol) = (report.GetProperty("python_seconds").GetDouble(), report.GetProperty("python_protocol_seconds").GetDouble());
        Assert.True(statistics > 0 && protocol > 0, output.ToString());
        Assert.Equal(statistics + protocol, report.GetProperty("python_all_seconds").GetDouble(), 9);
        Assert.Equal((statistics + protocol) / report.GetProperty("compute_seconds").GetDouble(), report.GetProperty("ratio_all").GetDouble(), 6);
    }

    [Fact]
    public void Bench_train_times_one_step_per_architecture_and_prints_json()
    {
        var root = new RootCommand { BenchCommand.Create() };
        var output = new StringWriter();

        var exitCode = root.Parse(["bench", "train", "--archs", "dcgan, ddgan-deconv", "--resolutions", "32", "--steps", "1", "--warmup", "0", "--no-python", "--json"])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        var report = json.RootElement;
        Assert.Equal(8, report.GetProperty("batch").GetInt32());
        Assert.Equal(1, report.GetProperty("threads").GetInt32());
        Assert.Equal("--no-python", report.GetProperty("python_problem").GetString());
        var results = report.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["dcgan", "ddgan-deconv"], results.Select(r => r.GetProperty("architecture").GetString()));
        Assert.All(results, r =>
        {
            Assert.Equal(32, r.GetProperty("resolution").GetInt32());
            Assert.True(r.GetProperty("torchsharp_seconds").GetDouble() > 0);
        });
        Assert.False(results[0].TryGetProperty("ratio", out var ratio) && ratio.ValueKind != JsonValueKind.Null);
    }

    [Theory]
    [InlineData("--resolutions", "48")]
    [InlineData("--archs", "stylegan")]
    [InlineData("--steps", "0")]
    public void Bench_train_refuses_bad_input_with_one_line(string option, string value)
    {
        var root = new RootCommand { BenchCommand.Create() };
        var error = new StringWriter();

        var arguments = new Dictionary<string, string> { ["--resolutions"] = "32", ["--steps"] = "1", [option] = value };
        var exitCode = root.Parse(["bench", "train", "--no-python", .. arguments.SelectMany(a => new[] { a.Key, a.Value })])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("melanogans bench train:", error.ToString());
    }
}
