using MelanoGans.Shared.Imaging;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Statistics;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// The studies' answers as the statistics dashboard reads them: the same rows as the ratings export,
/// study progress and the leads' image URL of each item. Stateless; each call reads in a context of its own.
/// </summary>
internal sealed class StudyRatingsTable(IDbContextFactory<StudioDbContext> dbs, StudyRatings ratings) : IRatingsTable
{
    public Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default) => ReadAsync(null, ct);

    public async Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default) =>
        (await ReadAsync(studyId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<StudyRatingsInfo>> ReadAsync(int? studyId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var studies = await db.Set<Study>().AsNoTracking()
            .Where(s => s.State != StudyState.Draft && s.State != StudyState.Starting)
            .Where(s => studyId == null || s.Id == studyId)
            .OrderByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Name, s.State, s.Mode, s.Task, s.ExposureMs, s.RepeatShare, Items = s.Items.Count, Raters = s.Raters.Count,
                s.UpscalingReason, s.UpscalingAllowedBy, s.UpscalingAllowedAt, s.UpscaledSources,
            })
            .ToListAsync(ct);
        var ids = studies.Select(s => s.Id).ToList();
        var exclusions = await (
                from r in db.Set<StudyRater>().AsNoTracking()
                join u in db.Users on r.UserId equals u.Id
                where ids.Contains(r.StudyId) && r.ExcludedAt != null
                select new { r.StudyId, Rater = u.UserName!, r.ExcludedBy, r.ExcludedAt })
            .ToListAsync(ct);
        var lengths = await StudyLengths.CountedAsync(db, ids, ct);
        var answers = await db.Set<Answer>().AsNoTracking().Where(a => ids.Contains(a.StudyId) && !a.IsPractice)
            .GroupBy(a => new { a.StudyId, a.RaterId })
            .Select(g => new { g.Key.StudyId, Count = g.Count(), Missed = g.Count(a => a.ExposureMissed) })
            .ToListAsync(ct);
        // Side balance of paired trials: the showing's left item is the fake when the fake was on the left, and the
        // rater picked the left image when that agrees with whether they chose the fake.
        // Only paired studies have sides: the dashboard reads this on every answer, so no query without one.
        var paired = studies.Where(s => s.Mode == RatingMode.Paired).Select(s => s.Id).ToList();
        var sides = paired.Count == 0 ? new Dictionary<int, SideBalance>() : await (
                from a in db.Set<Answer>().AsNoTracking()
                join w in db.Set<StudyShowing>().AsNoTracking() on new { a.StudyId, a.RaterId, a.Position } equals new { w.StudyId, w.RaterId, w.Position }
                where paired.Contains(a.StudyId) && !a.IsPractice && !a.IsCatch
                select new { a.StudyId, PickedLeft = (w.ItemId == a.ItemId) == (a.Chosen == RatingTruth.Fake) })
            .GroupBy(x => x.StudyId)
            .Select(g => new { g.Key, Trials = g.Count(), Left = g.Count(x => x.PickedLeft) })
            .ToDictionaryAsync(g => g.Key, g => new SideBalance(g.Left, g.Trials), ct);
        return studies.Select(s =>
        {
            var perRater = answers.Where(a => a.StudyId == s.Id).ToList();
            var sequence = lengths.GetValueOrDefault(s.Id);
            return new StudyRatingsInfo(s.Id, s.Name, s.State.ToString(), perRater.Sum(a => a.Count),
                perRater.Count(a => a.Count >= sequence), s.Raters,
                StudyPresentationReport.Warning(s.UpscalingReason, s.UpscalingAllowedBy, s.UpscalingAllowedAt, s.UpscaledSources),
                exclusions.Where(e => e.StudyId == s.Id).OrderBy(e => e.Rater, StringComparer.Ordinal)
                    .Select(e => new RaterExclusionRecord(e.Rater, e.ExcludedBy ?? "", e.ExcludedAt!.Value)).ToList(),
                perRater.Sum(a => a.Missed), s.Mode, s.Mode == RatingMode.Fixed ? s.ExposureMs : null,
                sides.GetValueOrDefault(s.Id), s.Task);
        }).ToList();
    }

    public async Task<string?> StampAsync(int studyId, CallerAccount? reader, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var studies = db.Set<Study>().AsNoTracking()
            .Where(s => s.Id == studyId && s.State != StudyState.Draft && s.State != StudyState.Starting);
        if (reader is not null) studies = studies.LedBy(db, reader);
        // Answers by count and latest time (an answer changed in place has a new time); the study's settings by its version.
        var stamp = await studies.Select(s => new
        {
            s.State,
            s.Version,
            Answers = db.Set<Answer>().Count(a => a.StudyId == s.Id),
            Latest = db.Set<Answer>().Where(a => a.StudyId == s.Id).Max(a => (DateTimeOffset?)a.AnsweredAt),
            Excluded = s.Raters.Where(r => r.ExcludedAt != null).OrderBy(r => r.UserId).Select(r => new { r.UserId, r.ExcludedAt }).ToList(),
        }).SingleOrDefaultAsync(ct);
        return stamp is null ? null : string.Join(' ', [
            stamp.State, stamp.Version, stamp.Answers, stamp.Latest?.UtcTicks,
            .. stamp.Excluded.Select(e => $"{e.UserId}@{e.ExcludedAt?.UtcTicks}")]);
    }

    public async Task<IReadOnlyList<RatingRow>> RowsAsync(int studyId, CancellationToken ct = default) =>
        await ratings.ReadAsync(studyId, ct) ?? [];

    /// <summary>Item token to the re-encoded image as leads see it (the image store, not the raters' URL).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<StudyItem>().AsNoTracking().Where(i => i.StudyId == studyId)
            .ToDictionaryAsync(i => i.Token, i => ContentAddress.ImageUrl(i.Sha256), ct);
    }
}
