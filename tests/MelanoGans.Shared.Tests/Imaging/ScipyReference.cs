using System.Diagnostics;
using System.Text.Json;

namespace MelanoGans.Shared.Tests.Imaging;

/// <summary>
/// Independent reference values from SciPy, run by Debian's /usr/bin/python3 (python3-scipy). CI installs
/// it; without it these tests fail with a message saying so rather than passing unchecked.
/// </summary>
internal static class ScipyReference
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, json
        import numpy as np
        from scipy.stats import wasserstein_distance
        from scipy.spatial.distance import jensenshannon
        pairs = json.load(sys.stdin)
        x = np.arange(256) / 255.0
        out = [[float(wasserstein_distance(u_values=x, v_values=x, u_weights=p, v_weights=q)),
                float(jensenshannon(p, q, base=2) ** 2)] for p, q in pairs]
        json.dump(out, sys.stdout)
        """;

    /// <summary>For each pair of 256-bin histograms, SciPy's (Wasserstein-1, Jensen-Shannon divergence).</summary>
    public static IReadOnlyList<(double Wasserstein1, double JensenShannon)> Distances(IReadOnlyList<(double[] P, double[] Q)> pairs)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: apt-get install -y python3-scipy");
        var start = new ProcessStartInfo(Python, ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var input = JsonSerializer.Serialize(pairs.Select(p => new[] { p.P, p.Q }));
        var stdoutTask = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderrTask = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, $"SciPy reference failed (is python3-scipy installed?): {stderrTask.GetAwaiter().GetResult()}");
        var rows = JsonSerializer.Deserialize<double[][]>(stdout)!;
        return [.. rows.Select(r => (r[0], r[1]))];
    }
}
