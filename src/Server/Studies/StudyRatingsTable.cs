using MelanoGans.Shared.Imaging;
using MelanoGans.Server.Data;
using MelanoGans.Server.Statistics;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// The studies' answers as the statistics dashboard reads them: the same rows as the ratings export,
/// study progress, the leads' image URL of each item, and a signal after every committed answer.
/// A singleton, so the signal reaches every open dashboard.
/// </summary>
internal sealed class StudyRatingsTable(IServiceScopeFactory scopes) : IRatingsTable
{
    public event Action<int>? AnswerRecorded;

    /// <summary>Called by the rating session after an answer is committed.</summary>
    public void NotifyAnswer(int studyId) => AnswerRecorded?.Invoke(studyId);

    public async Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var studies = await db.Set<Study>().AsNoTracking()
            .Where(s => s.State != StudyState.Draft && s.State != StudyState.Starting)
            .OrderByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.State, s.RepeatShare, Items = s.Items.Count, Raters = s.Raters.Count })
            .ToListAsync(ct);
        var ids = studies.Select(s => s.Id).ToList();
        var answers = await db.Set<Answer>().AsNoTracking().Where(a => ids.Contains(a.StudyId))
            .GroupBy(a => new { a.StudyId, a.RaterId })
            .Select(g => new { g.Key.StudyId, Count = g.Count() })
            .ToListAsync(ct);
        return studies.Select(s =>
        {
            var perRater = answers.Where(a => a.StudyId == s.Id).ToList();
            var sequence = s.Items + RaterSequence.RepeatCount(s.Items, s.RepeatShare);
            return new StudyRatingsInfo(s.Id, s.Name, s.State.ToString(), perRater.Sum(a => a.Count),
                perRater.Count(a => a.Count >= sequence), s.Raters);
        }).ToList();
    }

    public async Task<IReadOnlyList<RatingRow>> RowsAsync(int studyId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StudyRatings>().ReadAsync(studyId, ct) ?? [];
    }

    /// <summary>Item token to the re-encoded image as leads see it (the image store, not the raters' URL).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        return await db.Set<StudyItem>().AsNoTracking().Where(i => i.StudyId == studyId)
            .ToDictionaryAsync(i => i.Token, i => ContentAddress.ImageUrl(i.Sha256), ct);
    }
}
