using MelanoGans.Server.Data;
using MelanoGans.Server.Data.Postgres;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Tests.Datasets;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MelanoGans.Server.Tests.Data;

/// <summary>
/// The studio on PostgreSQL: its own migrations, and two instances starting at the same moment on one database
/// migrate, seed the first admin and render the phantom exactly once. Skipped, with the reason printed, when no
/// PostgreSQL server is configured or reachable (<see cref="TestDatabase.Variable"/>).
/// </summary>
public sealed class PostgresStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_on_postgres_applies_the_postgres_migrations()
    {
        await TestDatabase.RequirePostgresAsync();
        await using var factory = new StudioFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();

        Assert.IsType<PostgresStudioDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        var migrations = db.Database.GetMigrations().ToList();
        Assert.Contains(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges());
        // The SQLite history (many migrations since November) is not PostgreSQL's.
        Assert.DoesNotContain(migrations, m => m.EndsWith("_DatasetsAndPools", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_instances_starting_at_once_migrate_and_seed_once()
    {
        await TestDatabase.RequirePostgresAsync();
        await using var first = new StudioFactory();
        // A second instance on the same data directory (a shared volume) and so on the same database.
        await using var second = new StudioFactory(new Dictionary<string, string> { ["Studio:DataDirectory"] = first.DataDirectory });

        // Both hosts run Program's start (migrate, seed) on threads of their own at the same moment.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        await PhantomDatasetTests.WaitReadyAsync(first);
        var phantom = await PhantomDatasetTests.WaitReadyAsync(second);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        var admins = await scope.ServiceProvider.GetRequiredService<UserManager<Server.Data.ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin);
        Assert.Equal(StudioFactory.AdminUserName, Assert.Single(admins).UserName);
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync(Ct)).Order());
        var dataset = Assert.Single(await db.Datasets.ToListAsync(Ct));
        Assert.Equal(DatasetKind.Phantom, dataset.Kind);
        Assert.Equal(StudioFactory.PhantomCount, phantom.ImageCount);
        Assert.Equal(StudioFactory.PhantomCount, await db.DatasetImages.CountAsync(Ct));
    }

    [Fact]
    public async Task A_cookie_key_made_by_one_instance_is_in_the_database_for_every_other()
    {
        await TestDatabase.RequirePostgresAsync();
        await using var first = new StudioFactory();
        using var client = first.CreateClient();
        // The sign-in page's antiforgery token makes the first key.
        (await client.GetAsync("/account/login", Ct)).EnsureSuccessStatusCode();
        await using var second = new StudioFactory(new Dictionary<string, string> { ["Studio:DataDirectory"] = first.DataDirectory });
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
        Assert.False(Directory.Exists(Path.Combine(first.DataDirectory, "keys")));
    }

    [Fact]
    public async Task The_start_lock_is_held_by_one_instance_at_a_time()
    {
        var server = await TestDatabase.RequirePostgresAsync();
        var name = "mgtest_lock_" + Guid.NewGuid().ToString("N")[..12];
        var options = Microsoft.Extensions.Options.Options.Create(new Configuration.DatabaseOptions
        {
            Provider = Configuration.DatabaseProvider.Postgres,
            ConnectionString = TestDatabase.ConnectionString(server, name),
        });
        var locks = new StudioDatabaseLock(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<StudioDatabaseLock>.Instance);
        try
        {
            // The first acquisition also creates the database.
            var held = await locks.AcquireAsync(StudioDatabaseLock.Start, Ct);
            Assert.Null(await locks.TryAcquireAsync(StudioDatabaseLock.Start, Ct));
            var waiting = locks.AcquireAsync(StudioDatabaseLock.Start, Ct);
            // The second acquisition is queued in the server behind the first (an advisory lock not granted), not done.
            await Eventually.ReturnsAsync(async () =>
            {
                await using var look = new NpgsqlConnection(TestDatabase.ConnectionString(server, name));
                await look.OpenAsync(Ct);
                await using var command = new NpgsqlCommand("select count(*) from pg_locks where locktype = 'advisory' and not granted", look);
                return (long)(await command.ExecuteScalarAsync(Ct))!;
            }, n => n == 1, TimeSpan.FromSeconds(30), "the second acquisition to wait for the lock");
            Assert.False(waiting.IsCompleted);
            await held.DisposeAsync();
            await (await waiting).DisposeAsync();
            // Closing the lock's connection releases it as the server ends that session: a moment later.
            await using (await FreeAsync(locks, StudioDatabaseLock.Start)) { }

            // Running instances hold the presence lock shared; one that can take it exclusively is alone.
            await using (await locks.AcquireSharedAsync(StudioDatabaseLock.Instances, Ct))
            await using (await locks.AcquireSharedAsync(StudioDatabaseLock.Instances, Ct))
                Assert.Null(await locks.TryAcquireAsync(StudioDatabaseLock.Instances, Ct));
            await using (await FreeAsync(locks, StudioDatabaseLock.Instances)) { }

            // A lock whose session ends under its holder (a database restart, a blip) is known to be lost.
            var lost = 0;
            Task<IAsyncDisposable?> Take() => locks.TryAcquireAsync(StudioDatabaseLock.LocalWorkers, Ct);
            var lease = (await StudioDatabaseLock.KeepAsync(null, Take, () => lost++, Ct))!;
            Assert.Same(lease, await StudioDatabaseLock.KeepAsync(lease, Take, () => lost++, Ct));
            Assert.Equal(0, lost);
            await using (var other = new NpgsqlConnection(TestDatabase.ConnectionString(server, name)))
            {
                await other.OpenAsync(Ct);
                await using var kill = new NpgsqlCommand(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = @low AND objsubid = 1", other);
                kill.Parameters.AddWithValue("low", StudioDatabaseLock.LocalWorkers & 0xFFFF_FFFF);
                Assert.Equal(true, await kill.ExecuteScalarAsync(Ct));
            }
            var again = await StudioDatabaseLock.KeepAsync(lease, Take, () => lost++, Ct);
            Assert.Equal(1, lost);
            Assert.NotSame(lease, again);
            if (again is not null) await again.DisposeAsync();
            await using (await FreeAsync(locks, StudioDatabaseLock.LocalWorkers)) { }
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(server, name);
        }
    }

    private static async Task<IAsyncDisposable> FreeAsync(StudioDatabaseLock locks, long key) =>
        (await Eventually.ReturnsAsync(() => locks.TryAcquireAsync(key, Ct), held => held is not null, TimeSpan.FromSeconds(10), "the lock to be free"))!;

    [Fact]
    public async Task Unique_violations_are_recognised_on_postgres()
    {
        await TestDatabase.RequirePostgresAsync();
        await using var factory = new StudioFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        // Roles have a unique index on their normalised name, and the start made them.
        db.Roles.Add(new IdentityRole(Roles.Admin) { NormalizedName = Roles.Admin.ToUpperInvariant() });
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        Assert.True(e.IsUniqueViolation());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(e.InnerException).SqlState);
    }
}
