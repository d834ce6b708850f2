using System.Security.Claims;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Who leads a study, in one place: its owner (the lead who created it), the co-leads the owner names, and every admin.
/// They see it and change it; to any other lead it does not exist ("No such study.", 404), in the pages, the API and
/// the exports alike.
/// </summary>
public static class StudyAccess
{
    /// <summary>The studies <paramref name="caller"/> leads (every study for an admin).</summary>
    public static IQueryable<Study> LedBy(this IQueryable<Study> studies, StudioDbContext db, CallerAccount caller)
    {
        if (caller.IsIn(Roles.Admin)) return studies;
        var (id, name) = (caller.Id, caller.UserName);
        return studies.Where(s => s.CreatedBy == name || db.Set<StudyLead>().Any(l => l.StudyId == s.Id && l.UserId == id));
    }

    /// <summary>Whether <paramref name="caller"/> may name the study's co-leads: its owner and admins.</summary>
    public static bool CanShare(Study study, CallerAccount caller) => caller.IsIn(Roles.Admin) || study.CreatedBy == caller.UserName;

    /// <summary>
    /// The caller of an HTTP request as its (already authorized) principal names them: the exports check the rule with
    /// the roles of the cookie or token the authorization policy has just accepted.
    /// </summary>
    public static CallerAccount? Caller(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.Identity?.Name;
        if (id is null || name is null) return null;
        return new CallerAccount(id, name, Roles.All.Where(user.IsInRole).ToList());
    }
}

/// <summary>The rule of <see cref="StudyAccess"/> for other features (statistics, exports): they ask, and never read the studies' tables.</summary>
public interface IStudyAccess
{
    /// <summary>
    /// Whether <paramref name="caller"/> leads the study: always for an admin (who reaches every study; whether it exists
    /// is the asker's own lookup), otherwise only for a study that exists and that they own or co-lead.
    /// </summary>
    Task<bool> LeadsAsync(CallerAccount caller, int studyId, CancellationToken ct = default);

    /// <summary>The ids of the studies <paramref name="caller"/> leads; null for an admin, who leads every study.</summary>
    Task<IReadOnlySet<int>?> LedStudyIdsAsync(CallerAccount caller, CancellationToken ct = default);
}

internal sealed class StudyAccessQueries(IDbContextFactory<StudioDbContext> dbs) : IStudyAccess
{
    public async Task<bool> LeadsAsync(CallerAccount caller, int studyId, CancellationToken ct = default)
    {
        if (caller.IsIn(Roles.Admin)) return true;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<Study>().Where(s => s.Id == studyId).LedBy(db, caller).AnyAsync(ct);
    }

    public async Task<IReadOnlySet<int>?> LedStudyIdsAsync(CallerAccount caller, CancellationToken ct = default)
    {
        if (caller.IsIn(Roles.Admin)) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Set<Study>().LedBy(db, caller).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
    }
}

/// <summary>Answers 404 for a study the signed-in caller does not lead, on routes with a <c>studyId</c> or <c>id</c> value.</summary>
internal sealed class LedStudyFilter(IStudyAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var route = http.Request.RouteValues;
        var raw = route.TryGetValue("studyId", out var value) ? value : route.GetValueOrDefault("id");
        if (!int.TryParse(raw?.ToString(), out var studyId) || StudyAccess.Caller(http.User) is not { } caller
            || !await access.LeadsAsync(caller, studyId, http.RequestAborted))
            return Results.NotFound();
        return await next(context);
    }
}
