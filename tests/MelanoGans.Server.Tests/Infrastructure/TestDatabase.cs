using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// The database the tests run on. Without <see cref="Variable"/> every host uses the SQLite file in its data directory,
/// as the studio does by default. With it (a PostgreSQL connection string without a database, e.g.
/// <c>Host=127.0.0.1;Port=55432;Username=postgres</c>) every data directory gets a PostgreSQL database of its own,
/// named after the directory, so a second host on the same data directory finds the same data, as with SQLite.
/// </summary>
public static class TestDatabase
{
    /// <summary>The environment variable that puts the tests on PostgreSQL.</summary>
    public const string Variable = "MELANOGANS_TEST_POSTGRES";

    /// <summary>The configured server, or null on SQLite.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } v ? v : null;

    /// <summary>True when the hosts run on PostgreSQL.</summary>
    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The PostgreSQL database that belongs to <paramref name="dataDirectory"/>.</summary>
    public static string DatabaseName(string dataDirectory) =>
        "mgtest_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];

    /// <summary>The connection string of <paramref name="database"/> on <paramref name="server"/>.</summary>
    public static string ConnectionString(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    /// <summary>Host settings that put a host on <paramref name="dataDirectory"/>'s database; none on SQLite.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string dataDirectory) => PostgresServer is { } server
        ? new Dictionary<string, string>
        {
            ["Studio:Database:Provider"] = "postgres",
            ["ConnectionStrings:Studio"] = ConnectionString(server, DatabaseName(dataDirectory)),
        }
        : new Dictionary<string, string>();

    /// <summary>The same settings as command-line arguments for a server process.</summary>
    public static string[] Arguments(string dataDirectory) => [.. Settings(dataDirectory).Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>Drops <paramref name="dataDirectory"/>'s database when there is one (PostgreSQL only).</summary>
    public static Task DropAsync(string dataDirectory) =>
        PostgresServer is { } server ? DropDatabaseAsync(server, DatabaseName(dataDirectory)) : Task.CompletedTask;

    /// <summary>Drops <paramref name="database"/> on <paramref name="server"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The PostgreSQL server for PostgreSQL-only tests: <see cref="PostgresServer"/> when set and reachable; otherwise
    /// the test is skipped with the reason printed (CI always sets it; a developer's machine may have none).
    /// </summary>
    public static async Task<string> RequirePostgresAsync()
    {
        if (PostgresServer is not { } server)
        {
            Assert.Skip($"{Variable} is not set: no PostgreSQL server to test against (scripts/postgres.sh start DIR starts one).");
            throw new InvalidOperationException("unreachable");
        }
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString(server, "postgres"));
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }
        catch (NpgsqlException e)
        {
            Assert.Skip($"the PostgreSQL server of {Variable} cannot be reached: {e.Message}");
        }
        return server;
    }
}
