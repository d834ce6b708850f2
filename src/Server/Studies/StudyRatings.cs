using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// A study's answers as the ratings table of docs/design.md ("Ratings table"): what the exports, the dashboard and
/// <c>melanogans stats</c> read. The caller checks the reader's rights.
/// </summary>
internal sealed class StudyRatings(IDbContextFactory<StudioDbContext> dbs)
{
    /// <summary>Joins the fake's and the real's item ids into the <c>item</c> of a paired trial's row.</summary>
    public const string PairSeparator = "|";

    /// <summary>One row per answer, by rater name then sequence position; null for an unknown study.</summary>
    public async Task<IReadOnlyList<RatingRow>?> ReadAsync(int studyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var study = await db.Set<Study>().AsNoTracking().Where(s => s.Id == studyId).Select(s => new { s.Name, s.Task }).SingleOrDefaultAsync(ct);
        if (study is null) return null;
        var rows = await (
                from a in db.Set<Answer>().AsNoTracking()
                join i in db.Set<StudyItem>() on a.ItemId equals i.Id
                join u in db.Users on a.RaterId equals u.Id
                join pair in db.Set<StudyItem>() on a.PairItemId equals pair.Id into pairs
                from pair in pairs.DefaultIfEmpty()
                where a.StudyId == studyId
                select new
                {
                    Rater = u.UserName!, Token = pair == null ? i.Token : i.Token + PairSeparator + pair.Token, i.Source, i.Truth, a.Response, a.Tags, a.RepeatIndex, a.StartedAt, a.AnsweredAt, a.ActiveMs, a.Position,
                    a.Mode, a.ExposureMs, a.IsPractice, a.IsCatch, a.Chosen, i.Class, a.Diagnosis,
                })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Rater, StringComparer.Ordinal).ThenBy(r => r.Position)
            .Select(r => new RatingRow(study.Name, r.Rater, r.Token, r.Source, r.Truth, r.Response, r.Tags,
                r.RepeatIndex > 0, r.StartedAt, r.AnsweredAt, r.ActiveMs, r.Mode, r.ExposureMs, r.IsPractice, r.IsCatch, r.Chosen,
                study.Task, r.Class, r.Diagnosis))
            .ToList();
    }
}
