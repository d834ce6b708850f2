using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// Counts the database commands EF Core sends for one test's database (its data directory, or its PostgreSQL
/// database), from EF's diagnostic events: tests of other hosts running at the same time are not counted.
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private int _count;

    public QueryCounter(string dataDirectory)
    {
        _database = TestDatabase.IsPostgres ? TestDatabase.DatabaseName(dataDirectory) : dataDirectory;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands <paramref name="action"/> sent.</summary>
    public async Task<int> CountAsync(Func<Task> action)
    {
        var before = Count;
        await action();
        return Count - before;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_listeners) _listeners.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data
            && data.Command.Connection?.ConnectionString.Contains(_database, StringComparison.Ordinal) == true)
            Interlocked.Increment(ref _count);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
