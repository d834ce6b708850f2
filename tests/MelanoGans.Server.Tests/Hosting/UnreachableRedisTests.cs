using System.Diagnostics;
using MelanoGans.Server.Tests.Infrastructure;

namespace MelanoGans.Server.Tests.Hosting;

/// <summary>The real server process refuses to start with a Redis it cannot reach, or a malformed setting, in one line and exit code 1.</summary>
public sealed class UnreachableRedisTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-redis-config-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    public static TheoryData<string, string> Settings() => new()
    {
        // Nothing listens on a port the OS just handed out and took back.
        { $"127.0.0.1:{RedisServer.FreePort()}", "cannot connect to Redis at 127.0.0.1:" },
        { "notanoption=1", "Studio:Redis is not a Redis connection string" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task The_server_exits_with_one_line_naming_Studio_Redis(string redis, string said)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _data,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "MelanoGans.Server.dll"),
                     "--urls", "http://127.0.0.1:0", $"--Studio:DataDirectory={_data}", $"--Studio:Redis={redis}" })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MelanoGANs Studio cannot start: ", line);
        Assert.Contains("Studio:Redis", line);
        Assert.Contains(said, line);
        Assert.DoesNotContain("   at ", await stdout);
    }
}
