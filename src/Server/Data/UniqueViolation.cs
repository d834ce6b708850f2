using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MelanoGans.Server.Data;

/// <summary>Recognises a write refused by a unique index, whichever database refused it.</summary>
public static class UniqueViolation
{
    /// <summary>
    /// True when <paramref name="exception"/> is a unique (or primary-key) violation: SQLite's SQLITE_CONSTRAINT_UNIQUE (2067) or
    /// SQLITE_CONSTRAINT_PRIMARYKEY (1555), PostgreSQL's SQLSTATE 23505.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
