using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using MelanoGans.Shared.Statistics;
using MelanoGans.Training.Commands;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Commands;

/// <summary>
/// The "Command line" contract of docs/design.md, command by command through the same tree and entry point as the program:
/// every reporting command prints one JSON document with snake_case keys under <c>--json</c>, and bad input exits
/// with code 1 and one line "melanogans COMMAND: reason" on stderr, nothing on stdout.
/// </summary>
public sealed partial class CommandOutputTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Phantom_imagestats_and_bench_phantom_print_snake_case_json()
    {
        var a = temp.Sub("a");
        var b = temp.Sub("b");

        var phantom = Json("phantom", "--out", a, "--count", "6", "--size", "32", "--json");
        Json("phantom", "--out", b, "--count", "6", "--size", "32", "--seed", "9", "--json");
        var stats = Json("imagestats", "--a", a, "--b", b, "--json");
        var bench = Json("bench", "phantom", "--count", "4", "--size", "32", "--threads", "1", "--json");

        Assert.Equal(6, phantom.GetProperty("count").GetInt32());
        Assert.Equal(3, stats.GetProperty("channels").GetArrayLength());
        Assert.True(stats.GetProperty("mean").GetProperty("jensen_shannon").GetDouble() >= 0);
        Assert.Equal("phantom", bench.GetProperty("benchmark").GetString());
        Assert.True(bench.GetProperty("render_images_per_second").GetDouble() > 0);
    }

    [Fact]
    public void Stats_json_is_snake_case_and_the_dashboard_export_byte_for_byte()
    {
        var ratings = temp.Sub("ratings.csv");
        File.WriteAllText(ratings, RatingsCsv.ToCsv(SyntheticRatings.Generate(raters: 3, items: 20, seed: 2)));

        var (code, output, error) = Run("stats", "--ratings", ratings, "--bootstrap", "20", "--json");

        Assert.Equal((0, ""), (code, error));
        AssertSnakeCase(output);
        var report = StudyStatistics.Compute(RatingsCsv.Read(ratings).Rows, new StatisticsOptions { BootstrapResamples = 20, Seed = 1 });
        Assert.Equal(StudyReportJson.Serialize(report), output.TrimEnd());
        Assert.Equal(3, JsonDocument.Parse(output).RootElement.GetProperty("rater_count").GetInt32());
    }

    [Fact]
    public void Train_resume_export_and_sample_print_snake_case_json()
    {
        var dataset = TinyDataset.Create(temp.Sub("data"), count: 8);
        var runs = temp.Sub("runs");
        string[] tiny = ["--resolution", "32", "--batch", "2", "--tick-every", "1", "--threads", "1"];

        var trained = Json(["train", "--dataset", dataset, "--out", runs, "--max-steps", "2", .. tiny, "--json"]);
        var run = trained.GetProperty("run_directory").GetString()!;
        var resumed = Json("resume", run, "--max-steps", "3", "--threads", "1", "--json");
        var exported = Json("export", run, "--json");
        var sampled = Json("sample", run, "--count", "2", "--out", temp.Sub("samples"), "--json");

        Assert.Equal((2, false), (trained.GetProperty("step").GetInt64(), trained.GetProperty("interrupted").GetBoolean()));
        Assert.Equal(3, resumed.GetProperty("step").GetInt64());
        Assert.Equal(3, exported.GetProperty("step").GetInt64());
        Assert.True(exported.GetProperty("parity_max_abs_diff").GetDouble() <= 1e-4);
        Assert.Equal(2, sampled.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void Train_takes_every_hyperparameter_from_the_record_and_saves_them()
    {
        var dataset = TinyDataset.Create(temp.Sub("data"), count: 8);

        var trained = Json(
            "train", "--dataset", dataset, "--out", temp.Sub("runs"), "--arch", "lapgan", "--resolution", "32", "--class", "melanoma",
            "--loss", "nonsaturating", "--latent", "8", "--width", "8", "--batch", "2", "--epochs", "3", "--max-steps", "1", "--lr", "0.001",
            "--seed", "4", "--snapshot-every", "5", "--tick-every", "1", "--diffaug", "--r1", "0.5", "--ema", "0.9",
            "--hold-out-test-fraction", "0.25", "--hold-out-split-seed", "2", "--threads", "1", "--json");

        var saved = JsonSerializer.Deserialize<TrainOptions>(
            File.ReadAllText(Path.Combine(trained.GetProperty("run_directory").GetString()!, TrainOptions.FileName)), TrainOptions.Json)!;
        Assert.Equal(
            new TrainOptions
            {
                Architecture = "lapgan", Resolution = 32, Dataset = Path.GetFullPath(dataset), Class = "melanoma", Loss = "nonsaturating", Latent = 8,
                Width = 8, Batch = 2, Epochs = 3, MaxSteps = 1, Lr = 0.001, Seed = 4, SnapshotEvery = 5, TickEvery = 1, DiffAug = true, R1 = 0.5,
                Ema = 0.9, HeldOut = new(0.25, 2), Threads = 1,
            },
            saved);
    }

    [Fact]
    public void Experiment_imbalance_prints_snake_case_json()
    {
        var dataset = TinyDataset.Create(temp.Sub("data"), count: 24);

        var result = Json(
            "experiment", "imbalance", "--dataset", dataset, "--resolution", "32", "--seeds", "1", "--steps", "1", "--batch", "4", "--remove-fraction", "0.5",
            "--width", "4", "--threads", "1", "--out", temp.Sub("experiment"), "--json");

        Assert.Equal(Path.GetFullPath(temp.Sub("experiment")), result.GetProperty("run_directory").GetString());
        Assert.Equal("imbalance", result.GetProperty("result").GetProperty("experiment").GetString());
    }

    [Fact]
    public void Bench_generate_prints_snake_case_json()
    {
        var result = Json("bench", "generate", "--resolution", "32", "--batch", "1", "--warmup", "0", "--batches", "1", "--threads", "1", "--json");

        Assert.Equal("generate", result.GetProperty("benchmark").GetString());
        Assert.True(result.GetProperty("ort_images_per_second").GetDouble() > 0);
    }

    [Theory]
    [InlineData("phantom", "--out", "{temp}/p", "--count", "0")]
    [InlineData("phantom", "--count", "3")]
    [InlineData("import-isic", "--images", "{temp}/missing", "--csv", "{temp}/missing.csv", "--out", "{temp}/o")]
    [InlineData("train", "--dataset", "{temp}", "--resolution", "48")]
    [InlineData("train", "--dataset", "{temp}", "--arch", "stylegan")]
    [InlineData("train", "--dataset", "{temp}", "--bogus")]
    [InlineData("train", "--dataset", "{temp}/missing", "--resolution", "32", "--out", "{temp}/runs")]
    [InlineData("resume", "{temp}")]
    [InlineData("export", "{temp}")]
    [InlineData("sample", "{temp}")]
    [InlineData("sample", "{temp}", "--count", "0")]
    [InlineData("worker", "--server", "ftp://server", "--token", "t")]
    [InlineData("stats", "--ratings", "{temp}/missing.csv")]
    [InlineData("stats", "--ratings", "{temp}/missing.csv", "--bootstrap", "-1")]
    [InlineData("imagestats", "--a", "{temp}/missing", "--b", "{temp}")]
    [InlineData("experiment", "imbalance", "--dataset", "{temp}", "--seeds", "0")]
    [InlineData("experiment", "imbalance", "--dataset", "{temp}")]
    [InlineData("bench", "phantom", "--count", "0")]
    [InlineData("bench", "stats", "--raters", "0")]
    [InlineData("bench", "http", "--user", "u", "--password", "p", "--requests", "0")]
    [InlineData("bench", "http", "--url", "http://127.0.0.1:9", "--user", "u", "--password", "p")]
    [InlineData("bench", "generate", "--batch", "0")]
    [InlineData("bench", "train", "--steps", "0", "--no-python")]
    public void Bad_input_exits_1_with_one_line_and_no_output(params string[] args)
    {
        var arguments = args.Select(a => a.Replace("{temp}", temp.Path, StringComparison.Ordinal)).ToArray();
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-') && !a.StartsWith('{')));

        var (code, output, error) = Run(command == "worker" ? arguments : [.. arguments, "--json"]);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"melanogans {command}: ", line, StringComparison.Ordinal);
        Assert.True(line.Length > $"melanogans {command}: ".Length + 5, line);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandOutput.Invoke(MelanoGansCommands.Create().Parse(args), new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command that must succeed; its stdout must be one JSON document with snake_case keys only.</summary>
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"exit {code}: {error}");
        AssertSnakeCase(output);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static void AssertSnakeCase(string json)
    {
        using var document = JsonDocument.Parse(json);
        var keys = new List<string>();
        Collect(document.RootElement, keys);
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Matches(SnakeCase(), key));
    }

    private static void Collect(JsonElement element, List<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                keys.Add(property.Name);
                Collect(property.Value, keys);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, keys);
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
