using MelanoGans.Server.Jobs;
using System.Text;
using MelanoGans.Server.Data;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Experiments;

/// <summary>
/// The routes a worker running an experiment job calls, behind the worker token scheme: the chosen models' files
/// and the results upload (both check that the calling token holds the job right now); and the download of a
/// stored result for admins.
/// </summary>
public static class ExperimentJobEndpoints
{
    /// <summary>Bytes of results.json the server reads at most (UTF-8 of <see cref="ExperimentResults.MaxJsonChars"/>).</summary>
    private const long MaxResultBytes = 4L * ExperimentResults.MaxJsonChars;

    public static IEndpointRouteBuilder MapStudioExperiments(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.JobRoutes();
        jobs.MapGet("/models/{modelId:int}/{file}", ModelFileAsync);
        jobs.MapPost("/experiment-result", ResultAsync).WithMetadata(new RequestSizeLimitAttribute(MaxResultBytes));

        // A stored result for papers and other tools: the file as it was checked, its table, its chart.
        endpoints.MapGet("/api/experiments/{id:int}/{file}", StoredResultAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return endpoints;
    }

    private static async Task<IResult> StoredResultAsync(int id, string file, StudioDbContext db, CancellationToken ct)
    {
        if (await db.ExperimentResults.AsNoTracking().Where(r => r.Id == id).Select(r => r.Json).SingleOrDefaultAsync(ct) is not { } json)
            return Results.NotFound();
        return file switch
        {
            ImbalanceExperimentResult.FileName => Results.Text(json, "application/json; charset=utf-8"),
            ExperimentTable.FileName => Results.Text(ExperimentTable.Markdown(Read(json)), "text/markdown; charset=utf-8"),
            ExperimentChart.FileName => Results.Text(ExperimentChart.Svg(Read(json)), "image/svg+xml; charset=utf-8"),
            _ => Results.NotFound(),
        };
    }

    private static ImbalanceExperimentResult Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<ImbalanceExperimentResult>(json, ImbalanceExperimentResult.Json)!;

    private static async Task<IResult> ModelFileAsync(
        long jobId, int modelId, string file, HttpContext http, JobCoordinator coordinator, StudioDbContext db, ModelFiles files, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, WorkerClaims.TokenId(http.User), ct);
        if (job is null) return Results.Conflict("This worker does not hold the job.");
        // A worker token opens only the models of the experiment or metrics job it holds, not the whole registry.
        var options = JobCoordinator.OptionsOf(job);
        if (options.Experiment?.ModelIds.Contains(modelId) != true && options.Metrics?.ModelId != modelId) return Results.NotFound();
        return await ModelEndpoints.FileAsync(modelId, file, db, files, ct);
    }

    private static async Task<IResult> ResultAsync(long jobId, HttpContext http, JobCoordinator coordinator, ExperimentJobReports reports, CancellationToken ct)
    {
        var tokenId = WorkerClaims.TokenId(http.User);
        if (await coordinator.HeldByTokenAsync(jobId, tokenId, ct) is not { Kind: WorkerJobKind.Experiment }) return Results.Conflict("This worker does not hold an experiment job with this id.");
        var body = await JobEndpoints.ReadBodyAsync(http.Request.Body, MaxResultBytes, ct);
        if (body is null) return Results.BadRequest("The results are too large.");
        var (resultId, errors) = await reports.CompleteAsync(jobId, tokenId, Encoding.UTF8.GetString(body), ct);
        return resultId is { } id ? Results.Ok(new { resultId = id }) : Results.UnprocessableEntity(new { errors });
    }
}
