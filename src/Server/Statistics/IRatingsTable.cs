using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Statistics;

/// <summary>
/// The studies feature's answers as the statistics read them: the seam between the two features. The studies
/// feature implements it and registers it as a singleton (use
/// <c>IServiceScopeFactory</c> or <c>IDbContextFactory</c> inside). Without a registration the statistics pages
/// show "No studies yet" and the statistics endpoint answers 404.
/// </summary>
/// <remarks>Callers check the Lead or Admin role before calling; implementations need not check again.</remarks>
public interface IRatingsTable
{
    /// <summary>Every study with its answer and rater counts.</summary>
    Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default);

    /// <summary>One started study with its answer and rater counts; null for a draft or an unknown study.</summary>
    Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default);

    /// <summary>
    /// What a study's dashboard depends on, in one query: equal stamps mean the same answers, exclusions and study
    /// settings. Null for a draft, an unknown study, or one <paramref name="reader"/> does not lead (null: anyone's).
    /// </summary>
    Task<string?> StampAsync(int studyId, CallerAccount? reader, CancellationToken ct = default);

    /// <summary>The ratings table of a study (docs/design.md, "Ratings table"), the rows the CSV export writes; empty for an unknown study.</summary>
    Task<IReadOnlyList<RatingRow>> RowsAsync(int studyId, CancellationToken ct = default);

    /// <summary>
    /// Item id (as in <see cref="RatingRow.Item"/>) to the URL of its image for leads and admins; items without an
    /// image are left out and shown as a placeholder.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default);
}
