using MelanoGans.Client.Services;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Server.Statistics;

/// <summary>
/// The dashboard's service, one per circuit: checks the Lead or Admin role and that the caller leads the study
/// (<see cref="IStudyAccess"/>: another lead's study is not there), then reads the shared cache.
/// </summary>
internal sealed class StudyStatisticsService(StudyDashboardCache cache, CurrentUser current, IStudyAccess access) : IStudyStatistics
{
    private static readonly string[] Readers = [Roles.Admin, Roles.Lead];

    public async Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default)
    {
        var caller = await current.RequireAsync(Readers, ct);
        var led = await access.LedStudyIdsAsync(caller, ct);
        var studies = await cache.StudiesAsync(ct);
        return led is null ? studies : studies.Where(s => led.Contains(s.Id)).ToList();
    }

    public async Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default) =>
        await LeadsAsync(studyId, ct) ? await cache.StudyAsync(studyId, ct) : null;

    public async Task<StudyDashboard?> DashboardAsync(int studyId, CancellationToken ct = default) =>
        (await LiveAsync(studyId, ct))?.Dashboard;

    /// <summary>Two queries when the cache holds the result: the caller's account, and the study's stamp with the lead check.</summary>
    public async Task<LiveStudyDashboard?> LiveAsync(int studyId, CancellationToken ct = default) =>
        await cache.GetAsync(studyId, await current.RequireAsync(Readers, ct), ct);

    public async Task<StudyPlan?> PlanAsync(int pilotStudyId, int readers, int cases, double? effect, CancellationToken ct = default)
    {
        if (!await LeadsAsync(pilotStudyId, ct)) return null;
        var pilot = await cache.StudyAsync(pilotStudyId, ct);
        if (pilot is null) return null;
        var rows = await cache.RowsAsync(pilotStudyId, ct);
        var excluded = pilot.Exclusions?.Select(e => e.Rater).ToArray() ?? [];
        // The sample-size search evaluates up to 2000 powers: off the circuit's thread.
        return await Task.Run(() => MrmcPlanning.Plan(pilot.Name, rows, excluded, readers, cases, effect), ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default) =>
        await LeadsAsync(studyId, ct) ? await cache.ItemImageUrlsAsync(studyId, ct) : new Dictionary<string, string>();

    private async Task<bool> LeadsAsync(int studyId, CancellationToken ct) =>
        await access.LeadsAsync(await current.RequireAsync(Readers, ct), studyId, ct);
}
