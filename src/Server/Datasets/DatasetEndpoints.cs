using System.Text;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// <c>GET /api/datasets/{id}/skipped.csv</c> for admins and leads: everything the dataset's last import
/// skipped, one <c>item,reason</c> row each, so a long list can be fixed at the source and imported again.
/// </summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapStudioDatasets(this IEndpointRouteBuilder endpoints)
    {
        // The circuit-facing catalog reads its caller from the Blazor authentication state; an HTTP request has
        // the endpoint's role check instead, as the image routes do.
        endpoints.MapGet("/api/datasets/{id:int}/skipped.csv", async (int id, IDbContextFactory<StudioDbContext> dbs, HttpContext http, CancellationToken ct) =>
            {
                await using var db = await dbs.CreateDbContextAsync(ct);
                if (!await db.Datasets.AnyAsync(d => d.Id == id, ct)) return Results.NotFound();
                var skips = await db.DatasetSkips.AsNoTracking().Where(s => s.DatasetId == id).OrderBy(s => s.Id)
                    .Select(s => new DatasetSkipView(s.Item, s.Reason)).ToListAsync(ct);
                http.Response.Headers.CacheControl = "private, no-store";
                var csv = SkippedCsv.Write(skips);
                return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"dataset-{id}-skipped.csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Lead));
        return endpoints;
    }
}
