using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MelanoGans.Server.Data;

/// <summary>
/// Transactions that check the state they depend on and then write (the next job number, "is this model being
/// measured already", the last admin) rely on being the only writer meanwhile. SQLite gives that by itself: a
/// transaction begins with <c>BEGIN IMMEDIATE</c>, the file's write lock. PostgreSQL's READ COMMITTED does not, so
/// there the transaction takes the studio's write lock first, a transaction-level advisory lock that every instance
/// on the database shares and that ends with the transaction. Each statement after it sees every write committed
/// before it, as on SQLite.
/// </summary>
public static class WriteTransactions
{
    /// <summary>The advisory lock key of the studio's write lock.</summary>
    public const long Key = 0x4D47_5354_0000_0003;

    /// <summary>Begins a transaction that holds the database's write lock until it commits or rolls back.</summary>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        var transaction = await database.BeginTransactionAsync(ct);
        if (database.IsNpgsql())
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
        return transaction;
    }
}
