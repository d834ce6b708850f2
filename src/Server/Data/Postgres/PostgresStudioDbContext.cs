using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Data.Postgres;

/// <summary>
/// <see cref="StudioDbContext"/> on PostgreSQL. The model is the base's; the type exists so that EF Core finds the
/// PostgreSQL migrations (Data/Migrations/Postgres, attributed to this type) instead of the SQLite ones (attributed to
/// the base), the "one context type per provider" layout of the EF Core docs. Everything else asks
/// <c>IDbContextFactory&lt;StudioDbContext&gt;</c>, which hands out this type when the provider is PostgreSQL.
/// </summary>
public sealed class PostgresStudioDbContext(DbContextOptions options) : StudioDbContext(options);
