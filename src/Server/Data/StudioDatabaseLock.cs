using MelanoGans.Server.Configuration;
using MelanoGans.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MelanoGans.Server.Data;

/// <summary>
/// Locks that span every instance on one database. On PostgreSQL each is a session-level advisory lock
/// (<c>pg_advisory_lock</c>) held on a connection of its own: released by <c>DisposeAsync</c>, and by the server when
/// the instance dies, so a crashed instance never leaves a lock behind. On SQLite there is one instance per file
/// (the file lives in that instance's data directory), so the locks are granted at once.
/// </summary>
public sealed class StudioDatabaseLock(IOptions<DatabaseOptions> options, ILogger<StudioDatabaseLock> logger)
{
    /// <summary>Migrations and first-start seeding (roles, first admin, phantom dataset).</summary>
    public const long Start = 0x4D47_5354_0000_0001;   // "MGST" 1

    /// <summary>The lease of the instance that starts local workers.</summary>
    public const long LocalWorkers = 0x4D47_5354_0000_0002;

    /// <summary>
    /// Held shared by every running instance for its lifetime: a starting instance that can take it exclusively is
    /// alone on the database, and only then recovers what a stopped server left (claimed jobs, half-started studies).
    /// </summary>
    public const long Instances = 0x4D47_5354_0000_0004;

    /// <summary>
    /// Held exclusively by one running instance for its lifetime (<see cref="StudioInstance.Key"/>): when another
    /// instance can take it, that instance has stopped or died, and what it held is given back (<see cref="StoppedInstanceSweeper"/>).
    /// </summary>
    public static long Instance(uint id) => 0x4D47_5349_0000_0000 + id;

    /// <summary>Held while one instance builds or imports a dataset, so two instances never build the same one.</summary>
    public static long DatasetBuild(int datasetId) => 0x4D47_5355_0000_0000 + datasetId;

    private static readonly IAsyncDisposable Granted = new NothingHeld();

    /// <summary>Waits for the lock (up to <see cref="DatabaseOptions.StartLockTimeoutSeconds"/>) and holds it until disposed.</summary>
    public Task<IAsyncDisposable> AcquireAsync(long key, CancellationToken ct = default) => HoldAsync("pg_advisory_lock", key, ct);

    /// <summary>Holds the lock shared (with every other shared holder) until disposed; waits while someone holds it exclusively.</summary>
    public Task<IAsyncDisposable> AcquireSharedAsync(long key, CancellationToken ct = default) => HoldAsync("pg_advisory_lock_shared", key, ct);

    private async Task<IAsyncDisposable> HoldAsync(string function, long key, CancellationToken ct)
    {
        var database = options.Value;
        if (database.Provider != DatabaseProvider.Postgres) return Granted;
        var connection = await OpenAsync(database, ct);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT {function}(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            command.CommandTimeout = database.StartLockTimeoutSeconds;
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the lock when nobody holds it; null when another instance does.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(long key, CancellationToken ct = default)
    {
        var database = options.Value;
        if (database.Provider != DatabaseProvider.Postgres) return Granted;
        var connection = await OpenAsync(database, ct);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        if (await command.ExecuteScalarAsync(ct) is true) return new Held(connection);
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Opens a connection of the lock's own (no pooling: the lock lives and dies with it). Creates the database on
    /// first use, as EF Core's migrator would; refuses an unreachable server with one line.
    /// </summary>
    private async Task<NpgsqlConnection> OpenAsync(DatabaseOptions database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        for (var attempt = 0; ; attempt++)
        {
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                return connection;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && attempt == 0)
            {
                await connection.DisposeAsync();
                await CreateDatabaseAsync(builder, ct);
            }
            catch (NpgsqlException e)
            {
                await connection.DisposeAsync();
                throw new StartupRefusedException(
                    $"the PostgreSQL database {builder.Database} at {builder.Host}:{builder.Port} cannot be reached: {e.Message}", e);
            }
        }
    }

    private async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
            logger.LogWarning("Created the PostgreSQL database {Database}", target.Database);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment ago.
        }
    }

    /// <summary>
    /// Keeps a lock held for a long time: returns <paramref name="held"/> while it still holds; when its session ended
    /// under it (a database restart, a network blip, an administrator's <c>pg_terminate_backend</c>: the lock ends with
    /// the session) calls <paramref name="lost"/> and takes it again with <paramref name="take"/> (null: not free now).
    /// </summary>
    public static async Task<IAsyncDisposable?> KeepAsync(
        IAsyncDisposable? held, Func<Task<IAsyncDisposable?>> take, Action lost, CancellationToken ct)
    {
        if (held is not null)
        {
            if (held is not Held session || await session.AliveAsync(ct)) return held;
            await held.DisposeAsync();
            lost();
        }

        return await take();
    }

    /// <summary>A session-level lock ends with its session: closing the unpooled connection releases it.</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        /// <summary>True while the session is alive and holds its (one) advisory lock.</summary>
        public async Task<bool> AliveAsync(CancellationToken ct)
        {
            try
            {
                await using var command = new NpgsqlCommand(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory' AND granted)", connection);
                return await command.ExecuteScalarAsync(ct) is true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private sealed class NothingHeld : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
