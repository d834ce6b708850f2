using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MelanoGans.Shared.Tests.Statistics;

/// <summary>Runs reference/dashboard_reference.py with Debian's /usr/bin/python3 (numpy, scipy) on a ratings file.</summary>
internal static class DashboardReference
{
    public static string Script => Path.Combine(AppContext.BaseDirectory, "Statistics", "reference", "dashboard_reference.py");

    public static JsonElement Run(string csvPath, IEnumerable<long> histogramEdges)
    {
        // A missing interpreter or module must fail loudly: CI installs python3-numpy and python3-scipy.
        Assert.True(File.Exists(PythonReference.Interpreter), $"{PythonReference.Interpreter} is missing: apt-get install -y python3-scipy");
        var start = new ProcessStartInfo(PythonReference.Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(csvPath);
        foreach (var edge in histogramEdges)
        {
            start.ArgumentList.Add(edge.ToString(CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the Python dashboard reference failed (exit {process.ExitCode}): {stderr}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}
