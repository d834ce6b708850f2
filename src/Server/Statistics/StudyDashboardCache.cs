using System.Collections.Concurrent;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Statistics;

/// <summary>
/// One computed dashboard per study, reused while the study's answer count is unchanged and dropped when an
/// <see cref="AnswerRecorded"/> event arrives (the count alone would miss an answer changed in place). The bootstrap
/// makes a computation take a noticeable moment and every open dashboard asks again after each answer: dashboards
/// that miss together share one computation.
/// </summary>
/// <remarks>No role checks here: callers (the page service and the endpoint) check them first.</remarks>
internal sealed class StudyDashboardCache : IDisposable
{
    private readonly IRatingsTable? _table;
    private readonly StatisticsOptions _options;
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly IDisposable _answers;
    private readonly IDisposable _exclusions;

    // IRatingsTable is optional: the studies feature registers it; without it there are no studies.
    public StudyDashboardCache(IServiceProvider services, IOptions<StudyStatisticsOptions> options, IStudioEvents events)
    {
        _table = services.GetService<IRatingsTable>();
        _options = options.Value.ToStatisticsOptions();
        _answers = events.Subscribe<AnswerRecorded>(e => _entries.TryRemove(e.StudyId, out _));
        _exclusions = events.Subscribe<RaterExclusionChanged>(e => _entries.TryRemove(e.StudyId, out _));
    }

    public Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct) =>
        _table?.StudiesAsync(ct) ?? Task.FromResult<IReadOnlyList<StudyRatingsInfo>>([]);

    public async Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct) =>
        _table is null ? null : await _table.StudyAsync(studyId, ct);

    /// <summary>The ratings table of a study (empty without the studies feature or for an unknown study).</summary>
    public async Task<IReadOnlyList<RatingRow>> RowsAsync(int studyId, CancellationToken ct) =>
        _table is null ? [] : await _table.RowsAsync(studyId, ct);

    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct) =>
        _table is null ? new Dictionary<string, string>() : await _table.ItemImageUrlsAsync(studyId, ct);

    /// <summary>The dashboard of a study; null when there is no such started study.</summary>
    public async Task<StudyDashboard?> GetAsync(int studyId, CancellationToken ct)
    {
        if (_table is null || await _table.AnswerCountAsync(studyId, ct) is not { } answers) return null;
        // The lead's exclusions are part of the key: another instance may have changed them without an event here.
        var excluded = (await _table.StudyAsync(studyId, ct))?.Exclusions?.Select(e => e.Rater).ToArray() ?? [];
        var key = string.Join('\n', excluded);
        // Of several callers that find no current entry at once, one entry wins; only its computation ever starts.
        var entry = _entries.AddOrUpdate(studyId,
            _ => NewEntry(studyId, answers, key, excluded),
            (_, existing) => existing.IsCurrent(answers, key) ? existing : NewEntry(studyId, answers, key, excluded));
        return await entry.Dashboard.Value.WaitAsync(ct);
    }

    public void Dispose()
    {
        _answers.Dispose();
        _exclusions.Dispose();
    }

    private Entry NewEntry(int studyId, int answers, string key, string[] excluded) => new(answers, key, new Lazy<Task<StudyDashboard>>(() =>
        // The bootstrap is CPU work: off the circuit's thread, and not cancelled with the first caller.
        Task.Run(async () => StudyDashboardBuilder.Build(
            await _table!.RowsAsync(studyId, CancellationToken.None), _options with { ExcludedRaters = excluded }))));

    private sealed record Entry(int Answers, string Excluded, Lazy<Task<StudyDashboard>> Dashboard)
    {
        // A failed computation is not kept: the next caller tries again.
        public bool IsCurrent(int answers, string excluded) =>
            Answers == answers && Excluded == excluded && !(Dashboard.IsValueCreated && Dashboard.Value.IsFaulted);
    }
}
