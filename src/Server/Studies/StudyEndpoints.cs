using MelanoGans.Client.Services;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Images;
using MelanoGans.Server.Statistics;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Registration of the studies feature and its HTTP endpoints: blinded study images for assigned raters
/// (<c>GET /study-images/{token}</c>) and the ratings table for leads
/// (<c>GET /api/studies/{id}/ratings.csv</c> and <c>.json</c>) with how it was presented (<c>presentation.json</c>).
/// </summary>
public static class StudyEndpoints
{
    /// <summary>
    /// Every study image gets exactly these headers (plus Date and Content-Length, equal too), real or not. Private: no
    /// shared cache keeps them. The browser may keep one for preloading, but every showing has a URL of its own, so a
    /// cached image can never answer a repeat.
    /// </summary>
    public const string ImageCacheControl = "private, max-age=86400";

    private static readonly JsonSerializerOptions RatingsJson = new() { WriteIndented = false };

    /// <summary>The URL of a study image: the opaque token and nothing else.</summary>
    public static string ImageUrl(string token) => $"/study-images/{token}";

    public static WebApplicationBuilder AddStudioStudies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StudyFreezer>();
        services.AddSingleton<StudyRatings>();
        services.AddScoped<IStudyAdministration, StudyAdministration>();
        services.AddSingleton<IStudyAccess, StudyAccessQueries>();
        services.AddSingleton<IInstanceHoldings, StudyStartHoldings>();
        services.AddScoped<IRatingSession, RatingSession>();
        services.AddSingleton<RaterGate>();
        services.AddSingleton<StudyRatingsTable>();
        services.AddSingleton<IRatingsTable>(sp => sp.GetRequiredService<StudyRatingsTable>());
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioStudies(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/study-images/{token}", ServeImageAsync).RequireAuthorization();

        var studies = endpoints.MapGroup("/api/studies/{studyId:int}")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Lead, Roles.Admin))
            .AddEndpointFilter<LedStudyFilter>();
        studies.MapGet("/ratings.csv", async (int studyId, StudyRatings ratings, CancellationToken ct) =>
            await ratings.ReadAsync(studyId, ct) is { } rows
                ? Results.Text(RatingsCsv.ToCsv(rows), "text/csv; charset=utf-8")
                : Results.NotFound());
        studies.MapGet("/ratings.json", async (int studyId, StudyRatings ratings, CancellationToken ct) =>
            await ratings.ReadAsync(studyId, ct) is { } rows
                ? Results.Json(rows.Select(Api.ApiRatingRow.From), RatingsJson)
                : Results.NotFound());
        studies.MapGet("/presentation.json", async (int studyId, StudioDbContext db, IDatasetReader datasets, IPoolReader pools, CancellationToken ct) =>
            await StudyPresentationReport.ReadAsync(db, datasets, pools, studyId, ct) is { } report
                ? Results.Json(report, RatingsJson)
                : Results.NotFound());
        return endpoints;
    }

    // Every refusal is the same 404, so probing tokens tells nothing; every success has the same headers.
    private static async Task<IResult> ServeImageAsync(
        string token, HttpContext http, StudioDbContext db, ImageStore store, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        if (!StudyTokens.IsToken(token)) return Results.NotFound();
        if (users.GetUserId(http.User) is not { } userId) return Results.NotFound();
        // A showing's token opens its image for the rater it was made for, and for nobody else.
        // The token names the left image of its showing, or the right one of a paired trial.
        var sha = await (
                from shown in db.Set<StudyShowing>()
                join i in db.Set<StudyItem>() on (shown.Token == token ? shown.ItemId : shown.PairItemId) equals (long?)i.Id
                join s in db.Set<Study>() on shown.StudyId equals s.Id
                where (shown.Token == token || shown.PairToken == token) && shown.RaterId == userId && s.State == StudyState.Open
                      && shown.ShownAt == null
                      && db.Set<StudyRater>().Any(r => r.StudyId == s.Id && r.UserId == userId)
                select i.Sha256)
            .SingleOrDefaultAsync(ct);
        if (sha is null || !store.Contains(sha)) return Results.NotFound();
        var bytes = await store.ReadAsync(sha, ct);
        http.Response.Headers.CacheControl = ImageCacheControl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Bytes rather than a file result: no Last-Modified or ETag that could follow when a file was written.
        return Results.Bytes(bytes, "image/png");
    }
}
