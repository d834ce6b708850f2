using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Client.Services;

/// <summary>Study statistics for the dashboard (Lead and Admin only; others get <see cref="UnauthorizedAccessException"/>).</summary>
public interface IStudyStatistics
{
    /// <summary>Every study with its answer counts; empty when no studies exist.</summary>
    Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default);

    /// <summary>One started study with its answer counts; null for a draft or an unknown study.</summary>
    Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default);

    /// <summary>The dashboard of a study (cached until its answers, exclusions or settings change); null for an unknown study.</summary>
    Task<StudyDashboard?> DashboardAsync(int studyId, CancellationToken ct = default);

    /// <summary>The study's counts and its dashboard, as an open dashboard refreshes them after each answer; null for an unknown study.</summary>
    Task<LiveStudyDashboard?> LiveAsync(int studyId, CancellationToken ct = default);

    /// <summary>
    /// Plans a study from a started one as pilot: the power of <paramref name="readers"/> raters and <paramref name="cases"/>
    /// images to tell the pilot's first two generators apart by <paramref name="effect"/> (null: the pilot's observed
    /// difference), and the images 80% power needs; null for an unknown pilot.
    /// </summary>
    Task<MelanoGans.Shared.Statistics.Mrmc.StudyPlan?> PlanAsync(int pilotStudyId, int readers, int cases, double? effect, CancellationToken ct = default);

    /// <summary>Item id to image URL for the per-image gallery; items without one are missing.</summary>
    Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default);
}
