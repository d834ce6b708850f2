using MelanoGans.Server.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Data;

/// <summary>Registration and start-up of the SQLite database.</summary>
public static class DataExtensions
{
    public static WebApplicationBuilder AddStudioData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StudioOptions>()
            .BindConfiguration(StudioOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One context per operation: circuit-facing services create theirs from the factory for every call
        // (a circuit lives for hours and several people change the same rows). The factory also registers a
        // scoped context for what lives one request long: endpoints, hub calls and Identity's stores.
        builder.Services.AddDbContextFactory<StudioDbContext>((services, options) =>
            options.UseSqlite(services.GetRequiredService<IOptions<StudioOptions>>().Value.ConnectionString));
        builder.Services.AddSingleton<OperationScopes>();
        return builder;
    }

    /// <summary>Creates the data directory, applies migrations and switches the file to WAL mode.</summary>
    public static async Task MigrateStudioDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<StudioOptions>>().Value;
        Directory.CreateDirectory(options.DataDirectoryFullPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        await db.Database.MigrateAsync(ct);
        // WAL lets raters' writes and dashboard reads proceed together; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
