using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans bench stats</c>: times every study statistic on a generated table (50 raters x 2000 items,
/// 1000 bootstrap resamples by default) and, in the same run, the independent Python reference on the same
/// data, and prints both medians and their ratio (docs/benchmarks.md, "Statistics").
/// </summary>
internal static class BenchStatsCommand
{
    /// <summary>Where the Python reference lives, relative to the repository root.</summary>
    public const string ReferenceScript = "tests/MelanoGans.Shared.Tests/Statistics/reference/stats_reference.py";

    /// <summary>The Python reference of the protocol statistics (HYPE, catch trials, 2AFC), beside <see cref="ReferenceScript"/>.</summary>
    public const string ProtocolReferenceScript = "tests/MelanoGans.Shared.Tests/Statistics/reference/protocol_reference.py";

    public static Command Create()
    {
        var raters = new Option<int>("--raters") { Description = "Raters in the generated table.", DefaultValueFactory = _ => 50 };
        var items = new Option<int>("--items") { Description = "Items in the generated table.", DefaultValueFactory = _ => 2000 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => 1000 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed runs after one warm-up; the median is reported.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated table and the bootstrap.", DefaultValueFactory = _ => 1 };
        var python = new Option<string>("--python") { Description = "Interpreter with statsmodels and scipy (Debian's).", DefaultValueFactory = _ => "/usr/bin/python3" };
        var script = new Option<string>("--reference") { Description = "The Python reference script.", DefaultValueFactory = _ => ReferenceScript };
        var skipPython = new Option<bool>("--no-python") { Description = "Time only the C# statistics." };
        var json = CommandOutput.JsonOption();

        var command = new Command("stats", "Time all rater statistics against the Python reference on the same data.")
        {
            raters, items, bootstrap, repetitions, seed, python, script, skipPython, json,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            int raterCount = parseResult.GetValue(raters), itemCount = parseResult.GetValue(items), runs = parseResult.GetValue(repetitions);
            int resamples = parseResult.GetValue(bootstrap), seedValue = parseResult.GetValue(seed);
            if (raterCount < 1 || itemCount < 1 || runs < 1 || resamples < 0)
            {
                return CommandOutput.Fail(parseResult, "--raters, --items and --repetitions must be at least 1, --bootstrap at least 0");
            }

            var rows = SyntheticRatings.Generate(raterCount, itemCount, seedValue);
            var options = new StatisticsOptions { BootstrapResamples = resamples, Seed = seedValue };
            var path = Path.Combine(Path.GetTempPath(), $"melanogans-bench-{Environment.ProcessId}.csv");
            try
            {
                File.WriteAllText(path, RatingsCsv.ToCsv(rows));
                var readSeconds = Median(runs, () => RatingsCsv.Read(path));
                StudyStatistics.Compute(rows, options); // warm-up: JIT and thread pool
                var computeSeconds = Median(runs, () => StudyStatistics.Compute(rows, options));
                // The MRMC part alone (every generator a test, jackknife): the dashboard's "Does it generalise?" panel.
                var mrmcSeconds = Median(runs, () => MrmcOutcome.Compute(rows, []));

                double? pythonSeconds = null, protocolSeconds = null;
                string? pythonProblem = null;
                if (!parseResult.GetValue(skipPython))
                {
                    (pythonSeconds, pythonProblem) = RunPython(parseResult.GetValue(python)!, parseResult.GetValue(script)!, path, resamples, seedValue, runs);
                    // Like for like: the C# side computes the protocol statistics too (HYPE∞'s crossed bootstrap among them).
                    if (pythonProblem is null)
                        (protocolSeconds, pythonProblem) = RunPython(parseResult.GetValue(python)!, ProtocolReferenceScript, path, resamples, seedValue, runs);
                }

                var allPython = pythonSeconds + protocolSeconds;

                var result = new
                {
                    raters = raterCount,
                    items = itemCount,
                    answers = rows.Count,
                    bootstrap = resamples,
                    repetitions = runs,
                    processors = Environment.ProcessorCount,
                    read_csv_seconds = readSeconds,
                    compute_seconds = computeSeconds,
                    mrmc_seconds = mrmcSeconds,
                    python_seconds = pythonSeconds,
                    python_protocol_seconds = protocolSeconds,
                    python_all_seconds = allPython,
                    ratio = pythonSeconds / computeSeconds,
                    ratio_all = allPython / computeSeconds,
                    python_problem = pythonProblem,
                };
                if (parseResult.GetValue(json))
                {
                    CommandOutput.Json(parseResult, result);
                }
                else
                {
                    output.WriteLine($"{raterCount} raters x {itemCount} items ({rows.Count} answers), {resamples} bootstrap resamples, {Environment.ProcessorCount} cores, median of {runs} runs");
                    output.WriteLine($"  read CSV            {readSeconds:0.000} s");
                    output.WriteLine($"  C# all statistics   {computeSeconds:0.000} s");
                    output.WriteLine($"  of which MRMC       {mrmcSeconds:0.000} s");
                    if (allPython is { } all)
                    {
                        output.WriteLine($"  Python reference    {all:0.000} s  (C# is {all / computeSeconds:0.0}x faster)");
                        output.WriteLine($"    statistics        {pythonSeconds:0.000} s  (stats_reference.py)");
                        output.WriteLine($"    protocol          {protocolSeconds:0.000} s  (protocol_reference.py)");
                    }
                    else
                    {
                        output.WriteLine($"  Python reference    not run: {pythonProblem ?? "--no-python"}");
                    }
                }

                return 0;
            }
            finally
            {
                File.Delete(path);
            }
        });
        return command;
    }

    private static double Median(int runs, Action action)
    {
        var seconds = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            seconds[i] = watch.Elapsed.TotalSeconds;
        }

        return Quantiles.Of(seconds, 0.5)!.Value;
    }

    private static (double? Seconds, string? Problem) RunPython(string interpreter, string script, string csv, int resamples, int seed, int runs)
    {
        var scriptPath = BenchHost.FindRepositoryFile(script);
        if (scriptPath is null)
        {
            return (null, $"reference script {script} not found (run from the repository root or pass --reference)");
        }

        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { scriptPath, csv, "--bootstrap", Text(resamples), "--seed", Text(seed), "--bench", Text(runs) })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                return (null, $"{interpreter} exited with {process.ExitCode}: {stderr.Trim()}");
            }

            using var document = JsonDocument.Parse(stdout.Result);
            return (document.RootElement.GetProperty("median_seconds").GetDouble(), null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"cannot start {interpreter}: {e.Message}");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
