using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Server.Identity;

namespace MelanoGans.Server.Statistics;

/// <summary>The dashboard's service, one per circuit: checks the Lead or Admin role, then reads the shared cache.</summary>
internal sealed class StudyStatisticsService : IStudyStatistics, IDisposable
{
    private static readonly string[] Readers = [Roles.Admin, Roles.Lead];

    private readonly StudyDashboardCache _cache;
    private readonly CurrentUser _current;

    public StudyStatisticsService(StudyDashboardCache cache, CurrentUser current)
    {
        _cache = cache;
        _current = current;
        _cache.Invalidated += OnInvalidated;
    }

    public event Action<int>? AnswerRecorded;

    public async Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.StudiesAsync(ct);
    }

    public async Task<StudyDashboard?> DashboardAsync(int studyId, CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.GetAsync(studyId, ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.ItemImageUrlsAsync(studyId, ct);
    }

    // Forwarded only after the cache dropped the study, so a page that reloads on this sees the new answers.
    private void OnInvalidated(int studyId) => AnswerRecorded?.Invoke(studyId);

    public void Dispose() => _cache.Invalidated -= OnInvalidated;
}
