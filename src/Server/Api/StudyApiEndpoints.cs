using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Server.Api;

/// <summary>
/// <c>/api/v1/studies</c>: set-up, life cycle, sharing, ratings and statistics, through the pages' services (a study's
/// leads and admins; to other leads it does not exist).
/// </summary>
internal static class StudyApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var studies = api.MapGroup("/studies").WithTags("Studies").ForRoles(Roles.Lead, Roles.Admin);
        studies.MapGet("/", async (IStudyAdministration admin, int? page, int? pageSize, CancellationToken ct) =>
                ApiPaging.Slice(await admin.ListAsync(ct), page, pageSize))
            .WithName("ListStudies").WithSummary("The studies the caller leads (every study for an admin), newest first.").Produces<Paged<StudySummary>>();
        studies.MapGet("/setup-options", async (IStudyAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.GetSetupOptionsAsync(ct)))
            .WithName("GetStudySetupOptions").WithSummary("The datasets, generated pools and raters a study can use (ids for a set-up).");
        studies.MapGet("/{id:int}", DetailAsync)
            .WithName("GetStudy").WithSummary("A study's state and counts, and its set-up.").Produces<StudyDetail>();
        studies.MapPost("/", async (IStudyAdministration admin, ApiBody<StudySetup> body) =>
            {
                var (result, id) = await admin.CreateAsync(body.Value);
                return result.Succeeded
                    ? Results.Created($"/api/v1/studies/{id}", await DetailOfAsync(admin, id))
                    : ApiProblems.From(result, StatusCodes.Status400BadRequest);
            })
            .WithName("CreateStudy").WithSummary("Creates a draft study from a set-up.").Produces<StudyDetail>(StatusCodes.Status201Created);
        studies.MapPut("/{id:int}", async (int id, IStudyAdministration admin, ApiBody<StudySetup> body) =>
                await AfterAsync(admin, id, await admin.UpdateAsync(id, body.Value), StatusCodes.Status400BadRequest))
            .WithName("UpdateStudy")
            .WithSummary("Replaces a draft's set-up. With `version` (from the detail) a draft changed since is refused with 409.")
            .Produces<StudyDetail>();
        studies.MapPost("/{id:int}/start", async (int id, IStudyAdministration admin, int? expectedVersion) =>
                await AfterAsync(admin, id, await admin.StartAsync(id, expectedVersion), StatusCodes.Status409Conflict))
            .WithName("StartStudy")
            .WithSummary("Freezes the items and opens the study to its raters; `expectedVersion` refuses a draft changed since.")
            .Produces<StudyDetail>();
        studies.MapPost("/{id:int}/pause", async (int id, IStudyAdministration admin) =>
                await AfterAsync(admin, id, await admin.PauseAsync(id), StatusCodes.Status409Conflict))
            .WithName("PauseStudy").WithSummary("Pauses an open study.").Produces<StudyDetail>();
        studies.MapPost("/{id:int}/reopen", async (int id, IStudyAdministration admin) =>
                await AfterAsync(admin, id, await admin.ResumeAsync(id), StatusCodes.Status409Conflict))
            .WithName("ReopenStudy").WithSummary("Reopens a paused study.").Produces<StudyDetail>();
        studies.MapPost("/{id:int}/close", async (int id, IStudyAdministration admin) =>
                await AfterAsync(admin, id, await admin.CloseAsync(id), StatusCodes.Status409Conflict))
            .WithName("CloseStudy").WithSummary("Closes a study for good.").Produces<StudyDetail>();
        studies.MapPost("/{id:int}/clone", async (int id, IStudyAdministration admin) =>
            {
                var (result, copy) = await admin.CloneAsync(id);
                return result.Succeeded
                    ? Results.Created($"/api/v1/studies/{copy}", await DetailOfAsync(admin, copy))
                    : ApiProblems.From(result, StatusCodes.Status409Conflict);
            })
            .WithName("CloneStudy").WithSummary("A new draft with the same set-up.").Produces<StudyDetail>(StatusCodes.Status201Created);
        studies.MapPost("/{id:int}/raters", async (int id, IStudyAdministration admin, ApiBody<AddRatersRequest> body) =>
                await AfterAsync(admin, id, await admin.AddRatersAsync(id, body.Value.RaterIds), StatusCodes.Status409Conflict))
            .WithName("AddStudyRaters").WithSummary("Adds raters to an open or paused study.").Produces<StudyDetail>();
        studies.MapPut("/{id:int}/leads", async (int id, IStudyAdministration admin, ApiBody<SetCoLeadsRequest> body, int? expectedVersion) =>
                await AfterAsync(admin, id, await admin.SetCoLeadsAsync(id, body.Value.LeadIds, expectedVersion), StatusCodes.Status403Forbidden))
            .WithName("SetStudyCoLeads")
            .WithSummary("Names the study's co-leads (the owner or an admin): leads who see and change it as the owner does; `expectedVersion` refuses a study changed since.")
            .Produces<StudyDetail>();
        studies.MapGet("/{id:int}/ratings.csv", async (int id, IStudyAdministration admin, CancellationToken ct) =>
                await admin.GetSetupAsync(id, ct) is null
                    ? ApiProblems.NotFound("study")
                    : Results.Text(RatingsCsv.ToCsv(await admin.GetRatingsAsync(id, ct)), "text/csv; charset=utf-8"))
            .WithName("GetStudyRatingsCsv").WithSummary("The ratings table as CSV, one row per answer.")
            .Produces<string>(contentType: "text/csv");
        studies.MapGet("/{id:int}/ratings", async (int id, IStudyAdministration admin, CancellationToken ct) =>
                await admin.GetSetupAsync(id, ct) is null
                    ? ApiProblems.NotFound("study")
                    : TypedResults.Ok((await admin.GetRatingsAsync(id, ct)).Select(ApiRatingRow.From).ToList()))
            .WithName("GetStudyRatings").WithSummary("The ratings table as JSON, one object per answer with the CSV's column names.")
            .Produces<List<ApiRatingRow>>();
        studies.MapGet("/{id:int}/statistics", async (int id, IStudyStatistics statistics, IStudyAdministration admin, HttpContext http, CancellationToken ct) =>
            {
                if (await statistics.DashboardAsync(id, ct) is not { } dashboard)
                {
                    return await admin.GetSetupAsync(id, ct) is null
                        ? ApiProblems.NotFound("study")
                        : ApiProblems.Problem(StatusCodes.Status409Conflict, "This study has not started; its statistics begin when it opens to its raters.");
                }
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.Text(StudyReportJson.Serialize(dashboard.Report), "application/json", System.Text.Encoding.UTF8);
            })
            .WithName("GetStudyStatistics")
            .WithSummary("The dashboard's statistics (snake_case, as `melanogans stats --json` prints them).")
            .Produces<StudyReport>();
    }

    private static async Task<IResult> DetailAsync(int id, IStudyAdministration admin, CancellationToken ct) =>
        await DetailOfAsync(admin, id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("study");

    /// <summary>The study as it is after an action, or the action's refusal.</summary>
    private static async Task<IResult> AfterAsync(IStudyAdministration admin, int id, OperationResult result, int failure) =>
        result.Succeeded ? await DetailAsync(id, admin, default) : ApiProblems.From(result, failure);

    private static async Task<StudyDetail?> DetailOfAsync(IStudyAdministration admin, int id, CancellationToken ct = default)
    {
        var summary = (await admin.ListAsync(ct)).FirstOrDefault(s => s.Id == id);
        var setup = summary is null ? null : await admin.GetSetupAsync(id, ct);
        return summary is null || setup is null ? null : new StudyDetail(summary, setup);
    }
}
