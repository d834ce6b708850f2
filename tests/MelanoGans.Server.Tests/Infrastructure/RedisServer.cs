using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> for one test class (<c>IClassFixture&lt;RedisServer&gt;</c>): a free port on 127.0.0.1, a
/// temporary directory, no persistence; stopped and deleted on dispose. A test can stop and start it again on the same
/// port. Where <c>redis-server</c> is not installed (CI always installs it) tests call <see cref="SkipIfMissing"/>;
/// <c>MELANOGANS_REDIS_SERVER</c> names another binary.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    /// <summary>The binary, or null when there is none.</summary>
    public static string? Binary { get; } = FindBinary();

    public int Port { get; } = FreePort();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("melanogans-redis-").FullName;

    /// <summary>The value for <c>Studio:Redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool Running => _process is { HasExited: false };

    public async ValueTask InitializeAsync()
    {
        if (Binary is not null) await StartAsync();
    }

    /// <summary>Skips the calling test, with the reason, when no <c>redis-server</c> is installed.</summary>
    public void SkipIfMissing()
    {
        if (Binary is null)
            Assert.Skip(Environment.GetEnvironmentVariable("MELANOGANS_REDIS_SERVER") is { Length: > 0 } configured
                ? $"MELANOGANS_REDIS_SERVER names {configured}, which does not exist"
                : "redis-server is not installed (apt-get install -y redis-server, or set MELANOGANS_REDIS_SERVER); CI always installs it");
    }

    public async Task StartAsync()
    {
        if (Running) return;
        var start = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("redis-server is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", Directory })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        var output = new StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AnswersAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                string log;
                lock (output) log = output.ToString();
                throw new InvalidOperationException($"redis-server did not start on port {Port}:\n{log}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server (as a crash or a network loss would look to the app) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>True when the server answers PING.</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    /// <summary>A port nothing listens on now (the OS picks it), for a server or for an address that must refuse.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("MELANOGANS_REDIS_SERVER") is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
    }
}
