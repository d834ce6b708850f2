using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MelanoGans.Server.Tests.Hosting;

/// <summary>
/// The real server binary as a child process on a temporary data directory and a free port, with its console
/// output collected, so a test can wait for a log line and signal the process as a terminal or a service manager does.
/// Whatever still runs on dispose is killed.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>The server's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>MelanoGans.Server.dll</c> from the test's output folder with these extra arguments.</summary>
    public static ServerProcess Start(string dataDirectory, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = dataDirectory,
        };
        // A test that forgets to stop its worker must not slow down the rest of the suite on a small machine.
        start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "MelanoGans.Server.dll"), "--urls", "http://127.0.0.1:0",
                     $"--Studio:DataDirectory={dataDirectory}", "--Studio:Phantom:Size=32", "--Studio:Phantom:Count=16" }.Concat(settings))
            start.ArgumentList.Add(arg);

        var server = new ServerProcess(Process.Start(start)!);
        server._process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._lines.Enqueue(e.Data); };
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._lines.Enqueue(e.Data); };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Everything the server printed so far, for failure messages.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Waits for a line matching <paramref name="pattern"/> and returns its match.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var line in _lines)
            {
                if (pattern.Match(line) is { Success: true } match) return match;
            }

            if (_process.HasExited) throw new InvalidOperationException($"the server exited ({_process.ExitCode}) before printing {pattern}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no line matching {pattern} within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>The pid of the local worker the server started, from its log line.</summary>
    public async Task<int> WaitForLocalWorkerAsync(TimeSpan timeout) =>
        int.Parse((await WaitForLineAsync(LocalWorkerStarted(), timeout)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Sends a signal with the system's <c>kill</c>, as a terminal's Ctrl+C (INT) or a service manager (TERM) would.</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the server to exit; null when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when no process with this id runs (an exited child of another process may linger as a zombie).</summary>
    public static bool IsGone(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return true;
        try
        {
            // The state follows the command in parentheses: Z is a zombie, which runs nothing.
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [GeneratedRegex(@"Started the local worker \(pid (\d+)\)")]
    private static partial Regex LocalWorkerStarted();
}
