using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Api;

/// <summary><c>/api/v1/training-jobs</c>: the training page's service (admins only).</summary>
internal static class TrainingApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/training-jobs").WithTags("Training jobs").ForRoles(Roles.Admin);
        jobs.MapGet("/", async (ITrainingJobs training, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await training.ListAsync(ct), page, pageSize))
            .WithName("ListTrainingJobs").WithSummary("Every training job, newest first.").Produces<Paged<TrainingJobSummary>>();
        jobs.MapGet("/{id:long}", async (long id, ITrainingJobs training, CancellationToken ct) =>
                await training.GetAsync(id, ct) is { } job ? TypedResults.Ok(job) : ApiProblems.NotFound("training job"))
            .WithName("GetTrainingJob").WithSummary("A job with its progress: every tick and sample grid so far.").Produces<TrainingJobDetail>();
        jobs.MapPost("/", async (ITrainingJobs training, ApiBody<TrainingJobOptions> body, CancellationToken ct) =>
            {
                var (result, id) = await training.StartAsync(body.Value, ct);
                if (!result.Succeeded) return ApiProblems.From(result, StatusCodes.Status400BadRequest);
                return await training.GetAsync(id!.Value, ct) is { } job
                    ? Results.Created($"/api/v1/training-jobs/{id}", job.Job)
                    : ApiProblems.NotFound("training job");
            })
            .WithName("StartTrainingJob").WithSummary("Queues a run with the training form's options (the study's defaults for fields left out).")
            .Produces<TrainingJobSummary>(StatusCodes.Status201Created);
        jobs.MapPost("/{id:long}/cancel", async (long id, ITrainingJobs training, CancellationToken ct) =>
            {
                var result = await training.CancelAsync(id, ct);
                if (!result.Succeeded) return ApiProblems.From(result, StatusCodes.Status409Conflict);
                return await training.GetAsync(id, ct) is { } job ? TypedResults.Ok(job.Job) : ApiProblems.NotFound("training job");
            })
            .WithName("CancelTrainingJob").WithSummary("Cancels a queued job, or asks its worker to stop.").Produces<TrainingJobSummary>();
    }
}
