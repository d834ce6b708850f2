using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>How many counted trials (main and catch, practice left out) each rater of a started study answers.</summary>
internal static class StudyLengths
{
    public static async Task<Dictionary<int, int>> CountedAsync(StudioDbContext db, IReadOnlyCollection<int> studyIds, CancellationToken ct)
    {
        var studies = await db.Set<Study>().AsNoTracking().Where(s => studyIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Mode, s.RepeatShare }).ToListAsync(ct);
        var counts = await db.Set<StudyItem>().Where(i => studyIds.Contains(i.StudyId))
            .GroupBy(i => new { i.StudyId, i.Truth, i.Role })
            .Select(g => new { g.Key.StudyId, g.Key.Truth, g.Key.Role, Count = g.Count() }).ToListAsync(ct);
        return studies.ToDictionary(s => s.Id, s =>
        {
            int Count(RatingTruth truth, ItemRole role) =>
                counts.Where(c => c.StudyId == s.Id && c.Truth == truth && c.Role == role).Sum(c => c.Count);
            return StudyTrials.CountedLength(s.Mode, s.RepeatShare, Count(RatingTruth.Real, ItemRole.Main), Count(RatingTruth.Fake, ItemRole.Main),
                Count(RatingTruth.Real, ItemRole.Catch), Count(RatingTruth.Fake, ItemRole.Catch));
        });
    }
}
