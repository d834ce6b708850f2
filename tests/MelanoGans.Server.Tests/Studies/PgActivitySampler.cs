using System.Globalization;
using Npgsql;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Samples <c>pg_stat_activity</c> of one database while a benchmark runs: every <see cref="Interval"/> it counts the
/// studio's connections by what they do (running and on CPU, waiting and on what, idle in a transaction, idle), so a
/// latency tail can be told apart as lock waits, I/O waits, the server's CPU or the client's side.
/// </summary>
internal sealed class PgActivitySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private readonly Dictionary<string, long> _counts = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _samples;
    private int _mostActive;

    public PgActivitySampler(string connectionString) => _loop = Task.Run(() => LoopAsync(connectionString));

    private async Task LoopAsync(string connectionString)
    {
        // Its own connection, outside the instances' pools; it shows up as "sampler" and is left out of the counts.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "sampler", Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT state, coalesce(wait_event_type, ''), coalesce(wait_event, ''), count(*)
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            GROUP BY 1, 2, 3
            """, connection);
        while (!_stop.IsCancellationRequested)
        {
            var active = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var state = reader.IsDBNull(0) ? "unknown" : reader.GetString(0);
                    var (type, wait, count) = (reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
                    var key = state switch
                    {
                        "active" when type.Length == 0 => "active, on CPU",
                        "active" => $"active, waiting on {type}:{wait}",
                        "idle in transaction" => "idle in transaction",
                        _ => state,
                    };
                    _counts[key] = _counts.GetValueOrDefault(key) + count;
                    if (state == "active") active += (int)count;
                }
            }

            _samples++;
            _mostActive = Math.Max(_mostActive, active);
            try { await Task.Delay(Interval, _stop.Token); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One line per state: the mean number of connections in it per sample, busiest first.</summary>
    public string Summary()
    {
        var lines = _counts.OrderByDescending(c => c.Value)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"  {c.Key}: {(double)c.Value / Math.Max(_samples, 1):0.000} connections on average"));
        return string.Create(CultureInfo.InvariantCulture, $"pg_stat_activity, {_samples} samples every {Interval.TotalMilliseconds:0} ms, at most {_mostActive} active at once:")
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
