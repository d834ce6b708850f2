using MelanoGans.Server.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Data;

/// <summary>Registration and start-up of the studio's database: a SQLite file (default) or PostgreSQL.</summary>
public static class DataExtensions
{
    public static WebApplicationBuilder AddStudioData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StudioOptions>()
            .BindConfiguration(StudioOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // One context per operation: circuit-facing services create theirs from the factory for every call
        // (a circuit lives for hours and several people change the same rows). The factory also registers a
        // scoped context for what lives one request long: endpoints, hub calls and Identity's stores.
        builder.Services.AddDbContextFactory<StudioDbContext, StudioDbContextFactory>((services, options) =>
            options.UseStudioDatabase(
                services.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                services.GetRequiredService<IOptions<StudioOptions>>().Value));
        builder.Services.AddSingleton<StudioDatabaseLock>();
        builder.Services.AddSingleton<StudioInstance>();
        builder.Services.AddHostedService<StoppedInstanceSweeper>();
        builder.Services.AddSingleton<OperationScopes>();
        return builder;
    }

    /// <summary>Points <paramref name="builder"/> at the configured database.</summary>
    public static DbContextOptionsBuilder UseStudioDatabase(
        this DbContextOptionsBuilder builder, DatabaseOptions database, StudioOptions studio) => database.Provider switch
    {
        DatabaseProvider.Postgres => builder.UseNpgsql(database.ConnectionString),
        _ => builder.UseSqlite(studio.ConnectionString),
    };

    /// <summary>
    /// Holds the database's start lock until disposed: two instances starting at the same moment against one
    /// PostgreSQL migrate and seed one after the other. Refuses an unreachable database with a one-line reason.
    /// </summary>
    public static Task<IAsyncDisposable> LockStudioStartAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<StudioDatabaseLock>().AcquireAsync(StudioDatabaseLock.Start, ct);

    /// <summary>
    /// Marks this instance as running on the database for its lifetime (<see cref="StudioInstance"/>) and says whether
    /// it is the only one: only then may it treat claimed jobs and half-started studies as left by a stopped server.
    /// Call under the start lock, so two starting instances cannot both find themselves alone.
    /// </summary>
    public static async Task<bool> JoinStudioInstancesAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var locks = services.GetRequiredService<StudioDatabaseLock>();
        var alone = false;
        if (await locks.TryAcquireAsync(StudioDatabaseLock.Instances, ct) is { } exclusive)
        {
            alone = true;
            await exclusive.DisposeAsync();
        }
        if (!await services.GetRequiredService<StudioInstance>().HoldAsync(ct))
            throw new InvalidOperationException("Another process holds this instance's lock; its random key is taken.");
        return alone;
    }

    /// <summary>
    /// Gives back what stopped servers left (every feature's <see cref="IInstanceHoldings"/>: claimed jobs requeued,
    /// listed workers forgotten, studies left starting made drafts). Run on start by an instance alone on the database
    /// (<see cref="JoinStudioInstancesAsync"/>), before it accepts connections, so a worker that connects at once is never
    /// mistaken for a dead one.
    /// </summary>
    public static async Task RecoverWhatStoppedServersLeftAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var holding in scope.ServiceProvider.GetServices<IInstanceHoldings>())
            await holding.ReleaseAsync(scope.ServiceProvider, null, default);
    }

    /// <summary>Creates the data directory, applies the provider's migrations and, on SQLite, switches the file to WAL.</summary>
    public static async Task MigrateStudioDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<StudioOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectoryFullPath);
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // WAL lets raters' writes and dashboard reads proceed together; the mode is stored in the file.
        // PostgreSQL's MVCC already does this.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
