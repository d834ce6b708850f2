using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>An in-memory <see cref="IStudyStatistics"/> whose rows a test can change, then announce on the bus.</summary>
internal sealed class FakeStudyStatistics(IStudioEvents events) : IStudyStatistics
{
    public List<(StudyRatingsInfo Info, List<RatingRow> Rows)> Studies { get; } = [];

    public void Record(int studyId, RatingRow row)
    {
        var index = Studies.FindIndex(s => s.Info.Id == studyId);
        var (info, rows) = Studies[index];
        rows.Add(row);
        Studies[index] = (info with { Answers = rows.Count }, rows);
        events.Publish(new AnswerRecorded(studyId));
    }

    /// <summary>Records a lead's exclusion on the study, as the server would, and announces it.</summary>
    public OperationResult Exclude(int studyId, string rater, bool excluded)
    {
        var index = Studies.FindIndex(s => s.Info.Id == studyId);
        var (info, rows) = Studies[index];
        var list = (info.Exclusions ?? []).Where(e => e.Rater != rater).ToList();
        if (excluded) list.Add(new RaterExclusionRecord(rater, "lena", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero)));
        Studies[index] = (info with { Exclusions = list }, rows);
        events.Publish(new RaterExclusionChanged(studyId));
        return OperationResult.Ok;
    }

    public Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StudyRatingsInfo>>(Studies.Select(s => s.Info).ToList());

    public Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default) =>
        Task.FromResult(Studies.Select(s => (StudyRatingsInfo?)s.Info).FirstOrDefault(s => s!.Id == studyId));

    public Task<StudyDashboard?> DashboardAsync(int studyId, CancellationToken ct = default)
    {
        var study = Studies.FirstOrDefault(s => s.Info.Id == studyId);
        var excluded = study.Info?.Exclusions?.Select(e => e.Rater).ToArray() ?? [];
        return Task.FromResult(study.Rows is null ? null : StudyDashboardBuilder.Build(study.Rows, new StatisticsOptions { BootstrapResamples = 0, ExcludedRaters = excluded }));
    }

    public async Task<LiveStudyDashboard?> LiveAsync(int studyId, CancellationToken ct = default) =>
        await StudyAsync(studyId, ct) is { } study && await DashboardAsync(studyId, ct) is { } dashboard ? new LiveStudyDashboard(study, dashboard) : null;

    public Task<MelanoGans.Shared.Statistics.Mrmc.StudyPlan?> PlanAsync(int pilotStudyId, int readers, int cases, double? effect, CancellationToken ct = default)
    {
        var study = Studies.FirstOrDefault(s => s.Info.Id == pilotStudyId);
        return Task.FromResult(study.Rows is null ? null
            : MelanoGans.Shared.Statistics.Mrmc.MrmcPlanning.Plan(study.Info.Name, study.Rows, [], readers, cases, effect));
    }

    public Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
