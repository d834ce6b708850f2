using Microsoft.Extensions.Logging;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// Appends the test servers' warnings and errors to one file per test process in the folder that
/// <c>MELANOGANS_TEST_SERVER_LOG</c> names (CI prints its end when a run fails: a browser test that times out says
/// nothing of what the server did meanwhile).
/// </summary>
public sealed class FileLog(string path) : ILoggerProvider
{
    public const string Variable = "MELANOGANS_TEST_SERVER_LOG";
    private static readonly Lock Writing = new();

    /// <summary>A provider on this process's file, or null when the variable is unset.</summary>
    public static FileLog? FromEnvironment()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(folder)) return null;
        Directory.CreateDirectory(folder);
        return new FileLog(Path.Combine(folder, AppDomain.CurrentDomain.FriendlyName + ".log"));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (Writing) File.AppendAllText(path, line + Environment.NewLine);
    }

    private sealed class Logger(FileLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
