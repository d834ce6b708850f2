using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// A server killed while it froze a study leaves it in Starting. The items and the Open state are saved together,
/// so such a study has no items: it goes back to Draft, and the lead starts it again.
/// </summary>
public static class StudyStartRecovery
{
    /// <summary>Run on start, before the server serves: no start can be in flight then.</summary>
    public static async Task RecoverInterruptedStudyStartsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var stuck = await db.Set<Study>().Where(s => s.State == StudyState.Starting).Select(s => s.Id).ToListAsync();
        if (stuck.Count == 0) return;
        // Defensive: items can only exist with an Open study, but a Draft must hold none.
        await db.Set<StudyItem>().Where(i => stuck.Contains(i.StudyId)).ExecuteDeleteAsync();
        await db.Set<Study>().Where(s => stuck.Contains(s.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, StudyState.Draft)
            .SetProperty(x => x.StartedAt, (DateTimeOffset?)null)
            .SetProperty(x => x.StartedBy, (string?)null));
        scope.ServiceProvider.GetRequiredService<ILogger<StudyAdministration>>()
            .LogWarning("Studies {StudyIds} were left starting by a stopped server; they are drafts again and can be started", string.Join(", ", stuck));
    }
}
