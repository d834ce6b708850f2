using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Server.Identity;

namespace MelanoGans.Server.Statistics;

/// <summary>The dashboard's service, one per circuit: checks the Lead or Admin role, then reads the shared cache.</summary>
internal sealed class StudyStatisticsService : IStudyStatistics
{
    private static readonly string[] Readers = [Roles.Admin, Roles.Lead];

    private readonly StudyDashboardCache _cache;
    private readonly CurrentUser _current;

    public StudyStatisticsService(StudyDashboardCache cache, CurrentUser current)
    {
        _cache = cache;
        _current = current;
    }

    public async Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.StudiesAsync(ct);
    }

    public async Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.StudyAsync(studyId, ct);
    }

    public async Task<StudyDashboard?> DashboardAsync(int studyId, CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.GetAsync(studyId, ct);
    }

    public async Task<MelanoGans.Shared.Statistics.Mrmc.StudyPlan?> PlanAsync(int pilotStudyId, int readers, int cases, double? effect, CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        var pilot = await _cache.StudyAsync(pilotStudyId, ct);
        if (pilot is null) return null;
        var rows = await _cache.RowsAsync(pilotStudyId, ct);
        var excluded = pilot.Exclusions?.Select(e => e.Rater).ToArray() ?? [];
        // The sample-size search evaluates up to 2000 powers: off the circuit's thread.
        return await Task.Run(() => MelanoGans.Shared.Statistics.Mrmc.MrmcPlanning.Plan(pilot.Name, rows, excluded, readers, cases, effect), ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default)
    {
        await _current.RequireAsync(Readers, ct);
        return await _cache.ItemImageUrlsAsync(studyId, ct);
    }

}
