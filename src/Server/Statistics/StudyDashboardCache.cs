using System.Collections.Concurrent;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Statistics;

/// <summary>
/// One computed dashboard per study, reused while the study's answer count is unchanged and dropped when
/// <see cref="IRatingsTable.AnswerRecorded"/> fires (an answer may change without changing the count). The
/// bootstrap makes a computation take a noticeable moment, and every open dashboard asks again on each answer.
/// </summary>
/// <remarks>No role checks here: callers (the page service and the endpoint) check them first.</remarks>
internal sealed class StudyDashboardCache : IDisposable
{
    private readonly IRatingsTable? _table;
    private readonly StatisticsOptions _options;
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly ConcurrentDictionary<int, int> _versions = new();

    // IRatingsTable is optional: the studies feature registers it; without it there are no studies.
    public StudyDashboardCache(IServiceProvider services, IOptions<StudyStatisticsOptions> options)
    {
        _table = services.GetService<IRatingsTable>();
        _options = options.Value.ToStatisticsOptions();
        if (_table is not null)
        {
            _table.AnswerRecorded += OnAnswerRecorded;
        }
    }

    /// <summary>Raised after a study's entry was dropped, so listeners that reload get the new numbers.</summary>
    public event Action<int>? Invalidated;

    public Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct) =>
        _table?.StudiesAsync(ct) ?? Task.FromResult<IReadOnlyList<StudyRatingsInfo>>([]);

    public async Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct) =>
        _table is null ? new Dictionary<string, string>() : await _table.ItemImageUrlsAsync(studyId, ct);

    /// <summary>The dashboard of a study; null when there is no such study.</summary>
    public async Task<StudyDashboard?> GetAsync(int studyId, CancellationToken ct)
    {
        if (_table is null)
        {
            return null;
        }

        var study = (await _table.StudiesAsync(ct)).FirstOrDefault(s => s.Id == studyId);
        if (study is null)
        {
            return null;
        }

        var version = _versions.GetValueOrDefault(studyId);
        if (_entries.TryGetValue(studyId, out var cached) && cached.Answers == study.Answers && cached.Version == version)
        {
            return await cached.Dashboard;
        }

        var rows = await _table.RowsAsync(studyId, ct);
        // The bootstrap is CPU work: off the circuit's thread, and shared by everyone asking for this count.
        var entry = new Entry(study.Answers, version, Task.Run(() => StudyDashboardBuilder.Build(rows, _options), CancellationToken.None));
        _entries[studyId] = entry;
        // An answer recorded while computing bumped the version: the next call computes again.
        if (_versions.GetValueOrDefault(studyId) != version)
        {
            _entries.TryRemove(new KeyValuePair<int, Entry>(studyId, entry));
        }

        return await entry.Dashboard.WaitAsync(ct);
    }

    private void OnAnswerRecorded(int studyId)
    {
        _versions.AddOrUpdate(studyId, 1, (_, v) => v + 1);
        _entries.TryRemove(studyId, out _);
        Invalidated?.Invoke(studyId);
    }

    public void Dispose()
    {
        if (_table is not null)
        {
            _table.AnswerRecorded -= OnAnswerRecorded;
        }
    }

    private sealed record Entry(int Answers, int Version, Task<StudyDashboard> Dashboard);
}
