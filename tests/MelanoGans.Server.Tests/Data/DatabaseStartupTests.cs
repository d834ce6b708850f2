using MelanoGans.Server.Data;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Data;

public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Start_applies_migrations_to_a_WAL_mode_file_in_the_data_directory()
    {
        // The SQLite file itself, also in the PostgreSQL run of the tests.
        await using var factory = new StudioFactory(new Dictionary<string, string> { ["Studio:Database:Provider"] = "sqlite" });
        _ = factory.Server;
        var file = Path.Combine(factory.DataDirectory, "melanogans.db");
        Assert.True(File.Exists(file));

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        var applied = await ScalarAsync(connection, "SELECT group_concat(MigrationId) FROM __EFMigrationsHistory");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        Assert.Equal(string.Join(",", db.Database.GetMigrations()), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task First_start_creates_the_roles_and_one_admin_and_a_restart_adds_none()
    {
        await using var first = new StudioFactory();
        await AssertOneAdminAsync(first);

        // A second host on the same data directory: the seed must not run again.
        await using var second = new ReusingFactory(first.DataDirectory);
        await AssertOneAdminAsync(second);
    }

    private static async Task AssertOneAdminAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All) Assert.True(await roles.RoleExistsAsync(role), role);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var all = await users.Users.ToListAsync(TestContext.Current.CancellationToken);
        var admin = Assert.Single(all);
        Assert.Equal(StudioFactory.AdminUserName, admin.UserName);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, StudioFactory.AdminPassword));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private sealed class ReusingFactory(string dataDirectory) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Studio:DataDirectory", dataDirectory);
            foreach (var (key, value) in TestDatabase.Settings(dataDirectory)) builder.UseSetting(key, value);
            builder.UseSetting("Studio:Admin:Password", "Another-Pass-2026");
        }
    }
}
