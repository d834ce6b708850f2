using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace MelanoGans.Server.Metrics;

/// <summary>The route a worker running a metrics job uploads its figures to, behind the worker token scheme.</summary>
public static class MetricsEndpoints
{
    /// <summary>Figures plus a gallery of a few small PNGs (base64 in JSON).</summary>
    private const long MaxUploadBytes = 16L * 1024 * 1024;

    public static IEndpointRouteBuilder MapStudioMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.JobRoutes().MapPost("/metrics-result", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(long jobId, MetricsUpload upload, HttpContext http, JobCoordinator coordinator, MetricsJobReports reports, CancellationToken ct)
    {
        var tokenId = WorkerClaims.TokenId(http.User);
        if (await coordinator.HeldByTokenAsync(jobId, tokenId, ct) is not { Kind: WorkerJobKind.Metrics })
            return Results.Conflict("This worker does not hold a metrics job with this id.");
        var (resultId, errors) = await reports.CompleteAsync(jobId, tokenId, upload, ct);
        return resultId is { } id ? Results.Ok(new { resultId = id }) : Results.UnprocessableEntity(new { errors });
    }
}
