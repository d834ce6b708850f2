using System.Diagnostics;
using System.Text.Json;

namespace MelanoGans.Shared.Tests.Statistics;

/// <summary>Runs reference/stats_reference.py with Debian's /usr/bin/python3 (statsmodels, scipy) on a ratings file.</summary>
internal static class PythonReference
{
    public const string Interpreter = "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "Statistics", "reference", "stats_reference.py");

    public static string ProtocolScript => Path.Combine(AppContext.BaseDirectory, "Statistics", "reference", "protocol_reference.py");

    public static JsonElement Run(string csvPath, int bootstrap, int seed) => Run(Script, csvPath, bootstrap, seed);

    public static JsonElement Run(string script, string csvPath, int bootstrap, int seed, params string[] extra)
    {
        // A missing interpreter or module must fail loudly: CI installs python3-statsmodels and python3-scipy.
        Assert.True(File.Exists(Interpreter), $"{Interpreter} is missing: apt-get install -y python3-statsmodels python3-scipy");
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, csvPath, "--bootstrap", bootstrap.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(
            process.ExitCode == 0,
            $"the Python reference failed (exit {process.ExitCode}); it needs apt-get install -y python3-statsmodels python3-scipy. stderr: {stderr}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}
