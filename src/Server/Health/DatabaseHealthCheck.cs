using MelanoGans.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MelanoGans.Server.Health;

/// <summary>Healthy when the SQLite file can be opened and queried.</summary>
internal sealed class DatabaseHealthCheck(StudioDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // A real query, not just an open: a missing schema also makes the app useless.
            var users = await db.Users.CountAsync(ct);
            return HealthCheckResult.Healthy($"{users} user(s)");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", e);
        }
    }
}
