using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Studies an instance was freezing when it stopped (every one left Starting, at a start alone on the database). The
/// items and the Open state are saved together, so such a study has no items: it goes back to Draft, and the lead
/// starts it again.
/// </summary>
internal sealed class StudyStartHoldings(ILogger<StudyStartHoldings> logger) : IInstanceHoldings
{
    public IQueryable<long> Holders(StudioDbContext db) =>
        db.Set<Study>().Where(s => s.State == StudyState.Starting && s.StartedOn != null).Select(s => s.StartedOn!.Value);

    public async Task ReleaseAsync(IServiceProvider services, long? instanceKey, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var stuck = await db.Set<Study>().Where(s => s.State == StudyState.Starting && (instanceKey == null || s.StartedOn == instanceKey))
            .Select(s => s.Id).ToListAsync(ct);
        if (stuck.Count == 0) return;
        // Defensive: items can only exist with an Open study, but a Draft must hold none.
        await db.Set<StudyItem>().Where(i => stuck.Contains(i.StudyId)).ExecuteDeleteAsync(ct);
        await db.Set<Study>().Where(s => stuck.Contains(s.Id) && s.State == StudyState.Starting).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, StudyState.Draft)
            .SetProperty(x => x.StartedAt, (DateTimeOffset?)null)
            .SetProperty(x => x.StartedBy, (string?)null)
            .SetProperty(x => x.StartedOn, (long?)null), ct);
        logger.LogWarning("Studies {StudyIds} were left starting by a stopped server; they are drafts again and can be started", string.Join(", ", stuck));
    }
}
