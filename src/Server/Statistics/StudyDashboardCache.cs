using System.Collections.Concurrent;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Statistics;

/// <summary>
/// One computed dashboard per study with the study's counts, reused while the study's stamp
/// (<see cref="IRatingsTable.StampAsync"/>) is unchanged and dropped when an <see cref="AnswerRecorded"/> or
/// <see cref="RaterExclusionChanged"/> event arrives. The bootstrap
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

    /// <summary>
    /// The study and its dashboard; null when there is no such started study, or <paramref name="reader"/> does not lead
    /// it (null: the caller checked access already). Served from the cache, this costs one query (the study's stamp).
    /// </summary>
    public async Task<LiveStudyDashboard?> GetAsync(int studyId, CallerAccount? reader, CancellationToken ct)
    {
        // The stamp covers what another instance may have changed without an event reaching this one.
        if (_table is null || await _table.StampAsync(studyId, reader, ct) is not { } stamp) return null;
        // Of several callers that find no current entry at once, one entry wins; only its computation ever starts.
        var entry = _entries.AddOrUpdate(studyId,
            _ => NewEntry(studyId, stamp),
            (_, existing) => existing.IsCurrent(stamp) ? existing : NewEntry(studyId, stamp));
        return await entry.Dashboard.Value.WaitAsync(ct);
    }

    public void Dispose()
    {
        _answers.Dispose();
        _exclusions.Dispose();
    }

    private Entry NewEntry(int studyId, string stamp) => new(stamp, new Lazy<Task<LiveStudyDashboard?>>(() =>
        // The bootstrap is CPU work: off the circuit's thread, and not cancelled with the first caller.
        Task.Run(async () =>
        {
            if (await _table!.StudyAsync(studyId, CancellationToken.None) is not { } study) return null;
            var excluded = study.Exclusions?.Select(e => e.Rater).ToArray() ?? [];
            var rows = await _table.RowsAsync(studyId, CancellationToken.None);
            return new LiveStudyDashboard(study, StudyDashboardBuilder.Build(rows, _options with { ExcludedRaters = excluded }));
        })));

    private sealed record Entry(string Stamp, Lazy<Task<LiveStudyDashboard?>> Dashboard)
    {
        // A failed computation is not kept: the next caller tries again.
        public bool IsCurrent(string stamp) => Stamp == stamp && !(Dashboard.IsValueCreated && Dashboard.Value.IsFaulted);
    }
}
