using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Data;

/// <summary>
/// The one way contexts are made: a <see cref="StudioDbContext"/> on SQLite, a <see cref="PostgresStudioDbContext"/>
/// (same model, PostgreSQL migrations) on PostgreSQL. Identity's stores and request-scoped services get theirs from
/// here too, through the scoped registration <c>AddDbContextFactory</c> adds.
/// </summary>
internal sealed class StudioDbContextFactory(DbContextOptions<StudioDbContext> options, IOptions<DatabaseOptions> database)
    : IDbContextFactory<StudioDbContext>
{
    public StudioDbContext CreateDbContext() => database.Value.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresStudioDbContext(options),
        _ => new StudioDbContext(options),
    };
}
