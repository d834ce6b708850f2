using MelanoGans.Server.Data;
using MelanoGans.Server.Data.Postgres;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MelanoGans.Server.Tests.Data;

/// <summary>
/// Every time is stored as UTC ticks by one convention. Identity's LockoutEnd was stored as text (SQLite) and as a
/// timestamp (PostgreSQL) before; a locked-out account stays locked out until the same moment after the upgrade.
/// </summary>
public sealed class UtcTicksEverywhereMigrationTests : IDisposable
{
    private static readonly DateTimeOffset LockedUntil = new(2027, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-migration-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task On_sqlite_a_lockout_written_as_text_reads_back_as_the_same_moment()
    {
        var options = new DbContextOptionsBuilder<StudioDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "studio.db")}").Options;
        await using var db = new StudioDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261207174724_ModelTrainingDataset", Ct);
        // As EF wrote a DateTimeOffset into the text column, once in UTC and once at another offset.
        await InsertUserAsync(db, "utc", "2027-03-04 05:06:07.89+00:00");
        await InsertUserAsync(db, "cet", "2027-03-04 07:06:07.89+02:00");
        await InsertUserAsync(db, "never", null);

        await migrator.MigrateAsync(cancellationToken: Ct);

        await AssertLockoutsAsync(new StudioDbContext(options));
    }

    [Fact]
    public async Task On_postgres_a_lockout_stored_as_a_timestamp_reads_back_as_the_same_moment()
    {
        var server = await TestDatabase.RequirePostgresAsync();
        var database = "melanogans_ticks_" + Guid.NewGuid().ToString("N")[..12];
        var options = new DbContextOptionsBuilder<PostgresStudioDbContext>().UseNpgsql(TestDatabase.ConnectionString(server, database)).Options;
        try
        {
            await using var db = new PostgresStudioDbContext(options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261207174728_ModelTrainingDataset", Ct);
            await InsertUserAsync(db, "utc", "2027-03-04 05:06:07.89+00");
            await InsertUserAsync(db, "cet", "2027-03-04 07:06:07.89+02");
            await InsertUserAsync(db, "never", null);

            await migrator.MigrateAsync(cancellationToken: Ct);

            await AssertLockoutsAsync(new PostgresStudioDbContext(options));
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(server, database);
        }
    }

    private static Task InsertUserAsync(StudioDbContext db, string name, string? lockoutEnd) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "IsDisabled", "CreatedAt", "LockoutEnd")
                VALUES ({name}, {name}, FALSE, FALSE, FALSE, TRUE, 0, FALSE, 0, CAST({lockoutEnd} AS timestamp with time zone))
                """, Ct)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "IsDisabled", "CreatedAt", "LockoutEnd")
                VALUES ({name}, {name}, 0, 0, 0, 1, 0, 0, 0, {lockoutEnd})
                """, Ct);

    private static async Task AssertLockoutsAsync(StudioDbContext db)
    {
        await using (db)
        {
            var lockouts = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(Ct);
            Assert.Equal(["cet", "never", "utc"], lockouts.Select(u => u.Id));
            Assert.Equal(LockedUntil, lockouts[0].LockoutEnd);
            Assert.Null(lockouts[1].LockoutEnd);
            Assert.Equal(LockedUntil, lockouts[2].LockoutEnd);
            Assert.False(db.Database.HasPendingModelChanges());
        }
    }
}
