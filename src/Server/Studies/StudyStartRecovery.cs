using System.Linq.Expressions;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// A server killed while it froze a study leaves it in Starting. The items and the Open state are saved together,
/// so such a study has no items: it goes back to Draft, and the lead starts it again. Recovered on start when the
/// instance is alone on the database, and, with several instances, by another one as soon as the dead one is noticed
/// (<see cref="StoppedInstanceSweeper"/>).
/// </summary>
public static class StudyStartRecovery
{
    /// <summary>Run on start, before the server serves: no start can be in flight then.</summary>
    public static async Task RecoverInterruptedStudyStartsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await ReturnToDraftAsync(scope.ServiceProvider, s => true, default);
    }

    private static async Task ReturnToDraftAsync(IServiceProvider services, Expression<Func<Study, bool>> which, CancellationToken ct)
    {
        var db = services.GetRequiredService<StudioDbContext>();
        var stuck = await db.Set<Study>().Where(s => s.State == StudyState.Starting).Where(which).Select(s => s.Id).ToListAsync(ct);
        if (stuck.Count == 0) return;
        // Defensive: items can only exist with an Open study, but a Draft must hold none.
        await db.Set<StudyItem>().Where(i => stuck.Contains(i.StudyId)).ExecuteDeleteAsync(ct);
        await db.Set<Study>().Where(s => stuck.Contains(s.Id) && s.State == StudyState.Starting).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, StudyState.Draft)
            .SetProperty(x => x.StartedAt, (DateTimeOffset?)null)
            .SetProperty(x => x.StartedBy, (string?)null)
            .SetProperty(x => x.StartedOn, (long?)null), ct);
        services.GetRequiredService<ILogger<StudyAdministration>>()
            .LogWarning("Studies {StudyIds} were left starting by a stopped server; they are drafts again and can be started", string.Join(", ", stuck));
    }

    /// <summary>Studies an instance was freezing when it stopped.</summary>
    internal sealed class Holdings : IInstanceHoldings
    {
        public IQueryable<long> Holders(StudioDbContext db) =>
            db.Set<Study>().Where(s => s.State == StudyState.Starting && s.StartedOn != null).Select(s => s.StartedOn!.Value);

        public Task ReleaseAsync(IServiceProvider services, long instanceKey, CancellationToken ct) =>
            ReturnToDraftAsync(services, s => s.StartedOn == instanceKey, ct);
    }
}
