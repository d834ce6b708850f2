using MelanoGans.Server.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MelanoGans.Server.Data.Copy;

/// <summary>
/// Copies every table of a studio database into an empty one (usually SQLite into PostgreSQL) through the shared model:
/// the target is migrated with its provider's migrations, rows go in parents first with their own keys, identity
/// sequences continue after the copied keys, and before the one transaction commits every table is verified by row
/// count and checksum (<see cref="TableChecksum"/>). Any difference rolls the whole copy back.
/// </summary>
internal sealed class DatabaseCopy(DatabaseEndpoint from, DatabaseEndpoint to, TextWriter log)
{
    private const int Chunk = 2000;

    public async Task<IReadOnlyList<TableReport>> RunAsync(CancellationToken ct = default)
    {
        if (from.Provider == DatabaseProvider.Sqlite && !File.Exists(from.Display))
            throw new DbCopyRefusedException($"there is no SQLite database at {from.Display}.");
        await using var source = from.CreateContext();
        await using var target = to.CreateContext();
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new DbCopyRefusedException(
                $"the source ({from.Display}) was made by an older version: start the studio on it once (it migrates on start), then copy.");

        await target.Database.MigrateAsync(ct);
        var types = TableOrder(target.Model);
        foreach (var type in types)
        {
            if (await Rows(target, type).AnyAsync(ct))
                throw new DbCopyRefusedException(
                    $"the target ({to.Display}) is not empty ({type.GetTableName()} has rows): copy into an empty database, before any studio starts on it.");
        }

        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        foreach (var type in types)
        {
            var rows = await CopyTableAsync(source, target, type, ct);
            log.WriteLine($"copied {type.GetTableName()}: {rows} rows");
        }
        if (to.Provider == DatabaseProvider.Postgres) await ContinueSequencesAsync(target, types, ct);

        var reports = new List<TableReport>();
        foreach (var type in types)
        {
            var (sourceRows, sourceSum) = await ChecksumAsync(source, source.Model.FindEntityType(type.ClrType)!, ct);
            var (targetRows, targetSum) = await ChecksumAsync(target, type, ct);
            reports.Add(new TableReport(type.GetTableName()!, sourceRows, targetRows, sourceSum, targetSum));
        }
        if (reports.All(r => r.Matches)) await transaction.CommitAsync(ct);
        else await transaction.RollbackAsync(ct);
        return reports;
    }

    /// <summary>Tables with their parents first (foreign keys), by name among equals, so the order is stable.</summary>
    internal static List<IEntityType> TableOrder(IModel model)
    {
        var remaining = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null)
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || ordered.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("The model's foreign keys form a cycle; db copy cannot order its tables.");
            ordered.Add(next);
            remaining.Remove(next);
        }
        return ordered;
    }

    private static IQueryable<object> Rows(DbContext db, IEntityType type) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(type.ClrType).Invoke(db, null)!;

    private static async Task<int> CopyTableAsync(DbContext source, DbContext target, IEntityType type, CancellationToken ct)
    {
        // Tracked, so shadow properties (foreign keys without a CLR property) come along in the entries' values.
        var entities = await Rows(source, type).ToListAsync(ct);
        var values = entities.Select(e => source.Entry(e).CurrentValues.Clone()).ToList();
        source.ChangeTracker.Clear();
        var utc = target.Database.IsNpgsql();
        for (var i = 0; i < entities.Count; i += Chunk)
        {
            for (var j = i; j < Math.Min(i + Chunk, entities.Count); j++)
            {
                // State, not Add: only this row, never the rows its navigations reach.
                var entry = target.Entry(entities[j]);
                entry.State = EntityState.Added;
                // By name: the two sides are the same model built for two providers, not the same metadata objects.
                foreach (var property in entry.Properties) property.CurrentValue = values[j][property.Metadata.Name];
                if (utc) ToUtc(entry);
            }
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
        }
        return entities.Count;
    }

    /// <summary>PostgreSQL keeps <c>timestamp with time zone</c> in UTC and refuses other offsets.</summary>
    private static void ToUtc(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is DateTimeOffset { Offset.Ticks: not 0 } time) property.CurrentValue = time.ToUniversalTime();
        }
    }

    /// <summary>New rows after the copy get keys after the copied ones (explicit keys do not move a sequence).</summary>
    private static async Task ContinueSequencesAsync(DbContext target, IEnumerable<IEntityType> types, CancellationToken ct)
    {
        foreach (var type in types)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            foreach (var key in type.FindPrimaryKey()!.Properties.Where(p =>
                         p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            {
                var column = key.GetColumnName(table)!;
                var quotedTable = type.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
                // Names come from the model, never from input.
#pragma warning disable EF1002
                await target.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('{quotedTable}', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM {quotedTable}), 0) + 1, false)", ct);
#pragma warning restore EF1002
            }
        }
    }

    private static async Task<(int Rows, string Checksum)> ChecksumAsync(DbContext db, IEntityType type, CancellationToken ct)
    {
        var entities = await Rows(db, type).ToListAsync(ct);
        var entries = TableChecksum.InKeyOrder(type, entities.Select(e => (EntityEntry)db.Entry(e)));
        var checksum = TableChecksum.Compute(type, entries);
        db.ChangeTracker.Clear();
        return (entities.Count, checksum);
    }
}
