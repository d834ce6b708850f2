using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Training;

/// <summary>
/// A training run's uploads from its worker (sample grids and the exported generator), behind the worker token scheme
/// (<see cref="JobEndpoints.JobRoutes"/>). Each route also checks that the calling token holds the job right now.
/// </summary>
public static class TrainingEndpoints
{
    /// <summary>A 256x256 grid of 64 images is about 8 MB as PNG; anything far larger is not a grid.</summary>
    private const long MaxGridBytes = 64L << 20;

    public static IEndpointRouteBuilder MapStudioTraining(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.JobRoutes();
        jobs.MapPost("/grids/{step:long}", GridAsync).WithMetadata(new RequestSizeLimitAttribute(MaxGridBytes));
        // The model route has no fixed limit: MaxModelMiB bounds the multipart body instead.
        jobs.MapPost("/model", ModelAsync).WithMetadata(new DisableRequestSizeLimitAttribute());
        return endpoints;
    }

    private static async Task<IResult> GridAsync(long jobId, long step, HttpContext http, JobCoordinator coordinator, TrainingJobReports reports, CancellationToken ct)
    {
        // The job first, as every worker route: a worker that does not hold it learns that, not something about its body.
        if (await coordinator.HeldByTokenAsync(jobId, WorkerClaims.TokenId(http.User), ct) is null)
            return Results.Conflict("This worker does not hold the job.");
        var body = await JobEndpoints.ReadBodyAsync(http.Request.Body, MaxGridBytes, ct);
        if (body is null) return Results.BadRequest("The grid is too large.");
        byte[] png;
        try
        {
            // Re-encoded like every stored image: validated against the decode limits, no metadata kept.
            png = ImageCodec.EncodePng(ImageCodec.Decode(body));
        }
        catch (ImageDecodeException e)
        {
            return Results.BadRequest("The body must be a PNG image: " + e.Message);
        }

        return await reports.AddGridAsync(jobId, WorkerClaims.TokenId(http.User), step, png, ct)
            ? Results.NoContent()
            : Results.Conflict("This worker does not hold the job.");
    }

    private static async Task<IResult> ModelAsync(long jobId, HttpContext http, JobCoordinator coordinator, TrainingJobReports reports, IOptions<WorkerOptions> options, CancellationToken ct)
    {
        var tokenId = WorkerClaims.TokenId(http.User);
        if (await coordinator.HeldByTokenAsync(jobId, tokenId, ct) is null) return Results.Conflict("This worker does not hold the job.");
        if (!http.Request.HasFormContentType) return Results.BadRequest("Send multipart form data with the files onnx and manifest.");
        var limit = (long)options.Value.MaxModelMiB << 20;
        var form = await http.Request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = limit }, ct);
        if (form.Files["onnx"] is not { } onnx || form.Files["manifest"] is not { } manifest)
            return Results.BadRequest("Both files are needed: onnx (generator.onnx) and manifest (generator.json).");

        // The registry arrives with the models feature; without it the job fails with that reason.
        var registry = http.RequestServices.GetService<IModelRegistry>();
        var registration = await reports.CompleteAsync(jobId, tokenId, await BytesAsync(onnx, ct), await BytesAsync(manifest, ct), registry, ct);
        return registration.ModelId is { } id
            ? Results.Ok(new { modelId = id })
            : Results.UnprocessableEntity(new { errors = registration.Errors });
    }

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
