using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Client.Services;

/// <summary>
/// Study set-up and life cycle for leads and admins. Every method checks the caller's role on the server, and a lead
/// reaches only the studies they own or co-lead (another lead's study is "No such study."); admins reach every study.
/// </summary>
public interface IStudyAdministration
{
    /// <summary>The studies the caller leads (every study for an admin), newest first.</summary>
    Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default);

    /// <summary>Datasets, generated pools and raters the set-up form offers.</summary>
    Task<StudySetupOptions> GetSetupOptionsAsync(CancellationToken ct = default);

    /// <summary>The set-up of a study (a copy to edit or to look at); null when there is no such study.</summary>
    Task<StudySetup?> GetSetupAsync(int studyId, CancellationToken ct = default);

    /// <summary>Creates a draft; refuses a set-up asking for more items than its sources hold.</summary>
    Task<(OperationResult Result, int StudyId)> CreateAsync(StudySetup setup);

    /// <summary>
    /// Replaces a draft's set-up; a started study's items and questions cannot change. A set-up whose
    /// <see cref="StudySetup.Version"/> is not the draft's current one was edited from an older copy and is refused.
    /// </summary>
    Task<OperationResult> UpdateAsync(int studyId, StudySetup setup);

    /// <summary>
    /// Freezes the item set (re-encoding every image for blinding) and opens the study to its raters. With
    /// <paramref name="expectedVersion"/> (the <see cref="StudySummary.Version"/> the lead saw) a draft changed since is refused.
    /// </summary>
    Task<OperationResult> StartAsync(int studyId, int? expectedVersion = null);

    Task<OperationResult> PauseAsync(int studyId);

    /// <summary>Reopens a paused study.</summary>
    Task<OperationResult> ResumeAsync(int studyId);

    Task<OperationResult> CloseAsync(int studyId);

    /// <summary>
    /// Adds raters to an open or paused study: they rate the frozen items in an order of their own, so nothing the
    /// others see changes. Raters already in it are ignored; a draft is edited instead, a closed study is over.
    /// </summary>
    Task<OperationResult> AddRatersAsync(int studyId, IReadOnlyList<string> raterIds);

    /// <summary>A new draft with the same set-up (sources, counts, raters, questions); items are drawn anew at its start.</summary>
    Task<(OperationResult Result, int StudyId)> CloneAsync(int studyId);

    /// <summary>The study's ratings table (docs/design.md, "Ratings table", column order), one row per answer; empty for an unknown study.</summary>
    Task<IReadOnlyList<RatingRow>> GetRatingsAsync(int studyId, CancellationToken ct = default);

    /// <summary>
    /// Excludes a rater of a started study from its statistics (<paramref name="excluded"/> true), recording who and
    /// when, or takes them back; the dashboard recomputes and lists the exclusion. Answers are kept either way.
    /// </summary>
    Task<OperationResult> SetRaterExcludedAsync(int studyId, string raterUserName, bool excluded);

    /// <summary>
    /// Names the study's co-leads (replacing the list): leads who see and change the study as its owner does. Only the
    /// owner and admins may; the ids are active accounts with the Lead role, other than the owner.
    /// <paramref name="expectedVersion"/> refuses a study changed since (another person named co-leads first).
    /// </summary>
    Task<OperationResult> SetCoLeadsAsync(int studyId, IReadOnlyList<string> leadIds, int? expectedVersion = null);
}
