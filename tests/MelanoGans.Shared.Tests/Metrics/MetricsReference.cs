using System.Diagnostics;
using System.Text.Json;
using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

/// <summary>
/// Runs reference/metrics_reference.py (numpy, scipy) with Debian's /usr/bin/python3 at test time. Feature
/// matrices travel as .npy files in a temporary folder that is removed afterwards.
/// </summary>
internal static class MetricsReference
{
    public const string Interpreter = "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "Metrics", "reference", "metrics_reference.py");

    /// <summary>Runs <paramref name="task"/> with the matrices saved under their keys and the extra request fields.</summary>
    public static JsonElement Run(string task, IReadOnlyDictionary<string, FeatureMatrix> matrices, IReadOnlyDictionary<string, object>? extra = null)
    {
        var folder = Directory.CreateTempSubdirectory("melanogans-metrics-");
        try
        {
            var request = new Dictionary<string, object> { ["task"] = task };
            foreach (var (name, matrix) in matrices)
            {
                var path = Path.Combine(folder.FullName, name + ".npy");
                using (var file = File.Create(path))
                {
                    NpyFile.Write(file, matrix);
                }

                request[name] = path;
            }

            foreach (var (name, value) in extra ?? new Dictionary<string, object>())
            {
                request[name] = value;
            }

            var requestPath = Path.Combine(folder.FullName, "request.json");
            File.WriteAllText(requestPath, JsonSerializer.Serialize(request));
            return RunRequest(requestPath);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs a request already written to <paramref name="requestPath"/>.</summary>
    public static JsonElement RunRequest(string requestPath)
    {
        // A missing interpreter or module must fail loudly: CI installs python3-numpy and python3-scipy.
        Assert.True(File.Exists(Interpreter), $"{Interpreter} is missing: apt-get install -y python3-numpy python3-scipy");
        var start = new ProcessStartInfo(Interpreter, [Script, requestPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(
            process.ExitCode == 0,
            $"the Python reference failed (exit {process.ExitCode}); it needs apt-get install -y python3-numpy python3-scipy. stderr: {stderr}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}
