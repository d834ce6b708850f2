using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MelanoGans.Server.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context PostgresStudioDbContext --output-dir Data/Migrations/Postgres</c>
/// build the PostgreSQL model without a server (adding a migration never connects).
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresStudioDbContext>
{
    public PostgresStudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>()
            .UseNpgsql("Host=localhost;Database=melanogans_design_time").Options);
}
