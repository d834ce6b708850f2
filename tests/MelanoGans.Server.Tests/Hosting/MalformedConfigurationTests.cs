using System.Diagnostics;

namespace MelanoGans.Server.Tests.Hosting;

/// <summary>The real server process refuses a malformed configuration value with one line and exit code 1.</summary>
public sealed class MalformedConfigurationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-config-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData("--Studio:Phantom:Size=abc", "Studio:Phantom:Size")]
    [InlineData("--Studio:Phantom:Size=7", "Size")]
    [InlineData("--Studio:Admin:UserName=", "UserName")]
    [InlineData("--Studio:Database:Provider=mongodb", "Studio:Database:Provider")]
    [InlineData("--Studio:Database:Provider=postgres", "ConnectionStrings:Studio")]
    [InlineData("--Studio:Database:Provider=postgres --ConnectionStrings:Studio=Hots=x", "ConnectionStrings:Studio")]
    // Nothing listens on port 1: an unreachable PostgreSQL refuses the start the same way, naming where it looked.
    [InlineData("--Studio:Database:Provider=postgres --ConnectionStrings:Studio=Host=127.0.0.1;Port=1;Database=nowhere;Timeout=5", "127.0.0.1:1")]
    public async Task The_server_exits_with_one_line_naming_the_setting(string settings, string named)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _data,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "MelanoGans.Server.dll"),
                     "--urls", "http://127.0.0.1:0", $"--Studio:DataDirectory={_data}" }.Concat(settings.Split(' ')))
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
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
        Assert.Contains(named, line);
        Assert.DoesNotContain("   at ", await stdout);
    }
}
