using MelanoGans.Server.Datasets;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// The workers' hub and the route every kind's worker downloads its dataset from, behind the worker token scheme.
/// Each route also checks that the calling token holds the job right now; a kind maps its own upload routes under
/// <see cref="JobRoutes"/>.
/// </summary>
public static class JobEndpoints
{
    /// <summary>The worker token scheme, for every route a worker calls.</summary>
    internal static readonly AuthorizeAttribute WorkerOnly = new()
    {
        AuthenticationSchemes = WorkerTokenAuthentication.Scheme,
        Roles = WorkerTokenAuthentication.Role,
    };

    /// <summary>The routes of one job a worker calls, with the token scheme and no antiforgery (bearer tokens are not sent by browsers on their own).</summary>
    internal static RouteGroupBuilder JobRoutes(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/training/jobs/{jobId:long}").RequireAuthorization(WorkerOnly).DisableAntiforgery();

    public static IEndpointRouteBuilder MapStudioJobs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<WorkerHub>(TrainingHubContract.Path).RequireAuthorization(WorkerOnly);
        endpoints.JobRoutes().MapGet("/dataset", DatasetAsync);
        return endpoints;
    }

    private static async Task<IResult> DatasetAsync(long jobId, HttpContext http, JobCoordinator coordinator, DatasetZipWriter writer, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, WorkerClaims.TokenId(http.User), ct);
        if (job is null) return Results.Conflict("This worker does not hold the job.");
        return Results.Stream(await writer.WriteAsync(job.DatasetId, ct), "application/zip", $"dataset-{job.DatasetId}.zip");
    }

    /// <summary>A worker's upload, or null when it is longer than <paramref name="limit"/>.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
