using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MelanoGans.Server.Data.Copy;

/// <summary>One side of <c>db copy</c>: <c>sqlite:PATH</c> (a studio's database file) or <c>postgres:CONNSTRING</c>.</summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="Display">What to call it in messages (no password).</param>
public sealed record DatabaseEndpoint(DatabaseProvider Provider, string ConnectionString, string Display)
{
    /// <summary>Parses <c>sqlite:PATH</c> or <c>postgres:CONNSTRING</c>; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static DatabaseEndpoint Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (scheme, rest) = colon < 0 ? (text, "") : (text[..colon].ToLowerInvariant(), text[(colon + 1)..]);
        if (rest.Length == 0) throw new ArgumentException($"'{text}' is not sqlite:PATH or postgres:CONNSTRING.");
        switch (scheme)
        {
            case "sqlite":
                var path = Path.GetFullPath(rest);
                return new DatabaseEndpoint(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString, path);
            case "postgres" or "postgresql":
                NpgsqlConnectionStringBuilder builder;
                try
                {
                    builder = new NpgsqlConnectionStringBuilder(rest);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"the PostgreSQL connection string is malformed: {e.Message}", e);
                }
                if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
                    throw new ArgumentException("the PostgreSQL connection string needs Host and Database.");
                return new DatabaseEndpoint(DatabaseProvider.Postgres, builder.ConnectionString,
                    $"postgres database {builder.Database} at {builder.Host}:{builder.Port}");
            default:
                throw new ArgumentException($"'{scheme}' is not a database kind: use sqlite:PATH or postgres:CONNSTRING.");
        }
    }

    /// <summary>A context on this database, of the type whose migrations belong to its provider.</summary>
    public StudioDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<StudioDbContext>();
        return Provider == DatabaseProvider.Postgres
            ? new PostgresStudioDbContext(builder.UseNpgsql(ConnectionString).Options)
            : new StudioDbContext(builder.UseSqlite(ConnectionString).Options);
    }
}
