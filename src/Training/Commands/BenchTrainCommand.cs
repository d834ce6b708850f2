using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MelanoGans.Shared.Statistics;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Platform;
using static TorchSharp.torch;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans bench train</c>: seconds per training step (one D and one G update, LSGAN, Adam) for each
/// architecture and resolution, timed on the trainer's own <see cref="TrainingSession.Update"/>, and the same
/// DCGAN step in PyTorch (bench/dcgan_train_step.py, Debian's python3-torch) with the same layers, batch and
/// threads in the same run (docs/benchmarks.md, "Training step").
/// </summary>
internal static class BenchTrainCommand
{
    /// <summary>The PyTorch reference, relative to the repository root.</summary>
    public const string ReferenceScript = "bench/dcgan_train_step.py";

    public static Command Create()
    {
        var archs = new Option<string>("--archs") { Description = $"Comma-separated architectures ({string.Join(", ", GanArchitectureNames.All)}).", DefaultValueFactory = _ => string.Join(",", GanArchitectureNames.All) };
        var resolutions = new Option<string>("--resolutions") { Description = "Comma-separated sides (powers of two, 32..256).", DefaultValueFactory = _ => "64,256" };
        var threads = new Option<int>("--threads") { Description = "Torch intra-op threads on both sides.", DefaultValueFactory = _ => 1 };
        var steps = new Option<int>("--steps") { Description = "Timed steps after the warm-up; the median is reported.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed steps first (allocator, JIT, oneDNN kernels).", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 8 };
        var python = new Option<string>("--python") { Description = "Interpreter with Debian's python3-torch.", DefaultValueFactory = _ => "/usr/bin/python3" };
        var script = new Option<string>("--reference") { Description = "The PyTorch reference script.", DefaultValueFactory = _ => ReferenceScript };
        var skipPython = new Option<bool>("--no-python") { Description = "Time only the TorchSharp steps." };
        var oneDnn = new Option<bool>("--onednn") { Description = "Time oneDNN's convolutions on both sides instead of LibTorch's own, which the trainer uses (oneDNN's input gradients are wrong for some channel counts: docs/training.md)." };
        var json = CommandOutput.JsonOption();

        var command = new Command("train", "Seconds per training step per architecture, and the DCGAN step in PyTorch.")
        {
            archs, resolutions, threads, steps, warmup, batch, python, script, skipPython, oneDnn, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return CommandOutput.Run(parse, () =>
            {
                var plan = new BenchTrainPlan(
                    ParseList(parse.GetValue(archs)!, GanArchitectureNames.Parse).Select(GanArchitectureNames.ToName).ToArray(),
                    ParseList(parse.GetValue(resolutions)!, int.Parse),
                    parse.GetValue(threads),
                    parse.GetValue(batch),
                    parse.GetValue(warmup),
                    parse.GetValue(steps),
                    parse.GetValue(oneDnn));
                plan.Validate();
                var asJson = parse.GetValue(json);
                var usePython = !parse.GetValue(skipPython);
                var report = Measure(plan, usePython ? parse.GetValue(python)! : null, parse.GetValue(script)!, asJson ? error : output);
                if (asJson)
                {
                    CommandOutput.Json(parse, report);
                }

                return 0;
            });
        });
        return command;
    }

    private static object Measure(BenchTrainPlan plan, string? python, string script, TextWriter progress)
    {
        NativeRuntime.Configure(plan.Threads);
        ConvolutionBackends.OneDnn = plan.OneDnn;
        var loadStart = BenchHost.LoadAverage();
        var results = new List<object>();
        string? pythonProblem = python is null ? "--no-python" : null;
        progress.WriteLine($"batch {plan.Batch}, {plan.Threads} thread(s), {plan.Warmup} warm-up + {plan.Steps} timed steps, {(plan.OneDnn ? "oneDNN" : "LibTorch")} convolutions, load average {loadStart}");
        foreach (var resolution in plan.Resolutions)
        {
            foreach (var arch in plan.Archs)
            {
                var torchSharp = TimeTorchSharp(arch, resolution, plan);
                BenchPythonResult? reference = null;
                if (arch == "dcgan" && python is not null)
                {
                    // Right after the TorchSharp side, so both see the same machine load.
                    (reference, var problem) = RunPython(python, script, resolution, plan);
                    pythonProblem ??= problem;
                }

                var ratio = reference is null ? (double?)null : torchSharp.Median / reference.Median;
                var cpuRatio = reference is null ? (double?)null : torchSharp.CpuMedian / reference.CpuMedian;
                progress.WriteLine(
                    $"{arch,-15} {resolution,3}x{resolution,-3} TorchSharp {torchSharp.Median:0.0000} s/step (min {torchSharp.Min:0.0000}, CPU {torchSharp.CpuMedian:0.0000} s, {torchSharp.MinorFaultsPerStep:0} page faults)" +
                    (reference is null ? string.Empty
                        : $"  PyTorch {reference.Version} {reference.Median:0.0000} s/step (min {reference.Min:0.0000}, CPU {reference.CpuMedian:0.0000} s)  TorchSharp/PyTorch {ratio:0.00}x wall, {cpuRatio:0.00}x CPU"));
                results.Add(new
                {
                    Architecture = arch,
                    Resolution = resolution,
                    TorchsharpSeconds = torchSharp.Median,
                    TorchsharpMinSeconds = torchSharp.Min,
                    TorchsharpMaxSeconds = torchSharp.Max,
                    TorchsharpCpuSeconds = torchSharp.CpuMedian,
                    MinorFaultsPerStep = torchSharp.MinorFaultsPerStep,
                    PytorchSeconds = reference?.Median,
                    PytorchMinSeconds = reference?.Min,
                    PytorchCpuSeconds = reference?.CpuMedian,
                    PytorchVersion = reference?.Version,
                    PytorchBlas = reference?.Blas,
                    Ratio = ratio,
                    CpuRatio = cpuRatio,
                });
            }
        }

        return new
        {
            plan.Batch,
            plan.Threads,
            plan.Warmup,
            plan.Steps,
            Convolutions = plan.OneDnn ? "onednn" : "libtorch",
            Loss = "lsgan",
            Processors = Environment.ProcessorCount,
            LoadAverageStart = loadStart,
            LoadAverageEnd = BenchHost.LoadAverage(),
            Results = results,
            PythonProblem = pythonProblem,
        };
    }

    /// <summary>Times <see cref="TrainingSession.Update"/> on a fixed random batch (no data loading, as on the PyTorch side).</summary>
    private static BenchStepTimes TimeTorchSharp(string arch, int resolution, BenchTrainPlan plan)
    {
        var options = new TrainOptions
        {
            Architecture = arch,
            Resolution = resolution,
            Dataset = "(bench: random batch)",
            Batch = plan.Batch,
            Threads = plan.Threads,
        }.Validate();
        using var session = new TrainingSession(options, CPU);
        using var init = new Generator(1, CPU);
        using var reals = rand([plan.Batch, 3, resolution, resolution], generator: init).mul_(2).sub_(1);
        var seconds = new double[plan.Steps];
        var cpuSeconds = new double[plan.Steps];
        long faults = 0;
        for (var i = 0; i < plan.Warmup + plan.Steps; i++)
        {
            var faultsBefore = MinorFaults();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                using var random = new Generator((ulong)i, CPU);
                _ = session.Update(reals, random);
            }

            if (i >= plan.Warmup)
            {
                seconds[i - plan.Warmup] = watch.Elapsed.TotalSeconds;
                cpuSeconds[i - plan.Warmup] = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                faults += MinorFaults() - faultsBefore;
            }
        }

        Array.Sort(seconds);
        Array.Sort(cpuSeconds);
        return new BenchStepTimes(Median(seconds), seconds[0], seconds[^1], Median(cpuSeconds), (double)faults / plan.Steps);
    }

    private static (BenchPythonResult? Result, string? Problem) RunPython(string interpreter, string script, int resolution, BenchTrainPlan plan)
    {
        var scriptPath = BenchHost.FindRepositoryFile(script);
        if (scriptPath is null)
        {
            return (null, $"reference script {script} not found (run from the repository root or pass --reference)");
        }

        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            scriptPath, "--resolution", Text(resolution), "--batch", Text(plan.Batch), "--threads", Text(plan.Threads),
            "--warmup", Text(plan.Warmup), "--steps", Text(plan.Steps), .. plan.OneDnn ? (string[])["--onednn"] : [],
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The same OpenMP behaviour as this process (NativeRuntime sets it through libc, which .NET's copy of
        // the environment does not see).
        start.Environment["OMP_WAIT_POLICY"] = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "PASSIVE";
        // torch.set_num_threads does not reach a pthread OpenBLAS that LD_LIBRARY_PATH may put under Debian's torch.
        start.Environment["OPENBLAS_NUM_THREADS"] = Text(plan.Threads);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var lines = stderr.Trim().Split('\n');
                return (null, $"{interpreter} exited with {process.ExitCode}: {lines[^1]}");
            }

            using var document = JsonDocument.Parse(stdout.Result);
            var root = document.RootElement;
            return (new BenchPythonResult(
                root.GetProperty("median_seconds").GetDouble(),
                root.GetProperty("min_seconds").GetDouble(),
                root.GetProperty("median_cpu_seconds").GetDouble(),
                root.GetProperty("torch_version").GetString(),
                root.GetProperty("blas").GetString()), null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"cannot start {interpreter}: {e.Message}");
        }
    }

    private static T[] ParseList<T>(string text, Func<string, T> parse) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToArray();

    private static double Median(double[] sorted) => Quantiles.OfSorted(sorted, 0.5)!.Value;

    /// <summary>Minor page faults of this process so far (getrusage via /proc): freed-and-refetched memory shows up here.</summary>
    private static long MinorFaults()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        // /proc/self/stat field 10 is minflt; the command name (field 2) may hold spaces, so count after ')'.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
