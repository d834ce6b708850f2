using MelanoGans.Server.Identity;
using MelanoGans.Server.Statistics;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Server.Tests.Statistics;

/// <summary>
/// An in-memory <see cref="IRatingsTable"/> standing in for the studies feature: one study of generated answers
/// (5 raters x 60 items, three models). Tests change rows and announce answers by hand.
/// </summary>
public sealed class TestRatingsTable : IRatingsTable
{
    public const int StudyId = 1;
    public const string StudyName = "Generated pilot";

    private readonly object _gate = new();
    private List<RatingRow> _rows = SyntheticRatings.Generate(raters: 5, items: 60, seed: 17, missingShare: 0.1).ToList();

    private int _rowReads;

    /// <summary>Item id to image URL, for the gallery; empty shows placeholders.</summary>
    public IReadOnlyDictionary<string, string> ImageUrls { get; set; } = new Dictionary<string, string>();

    /// <summary>Changes the rows without announcing it (as a store would between its write and its event).</summary>
    public void Change(Func<List<RatingRow>, List<RatingRow>> change)
    {
        lock (_gate) _rows = change(_rows.ToList());
    }

    /// <summary>How often the rows were read, that is how many dashboards were computed.</summary>
    public int RowReads => Volatile.Read(ref _rowReads);

    public IReadOnlyList<RatingRow> Snapshot()
    {
        lock (_gate) return _rows.ToList();
    }

    public Task<IReadOnlyList<StudyRatingsInfo>> StudiesAsync(CancellationToken ct = default)
    {
        var rows = Snapshot();
        var raters = rows.Select(r => r.Rater).Distinct().Count();
        return Task.FromResult<IReadOnlyList<StudyRatingsInfo>>([new StudyRatingsInfo(StudyId, StudyName, "Open", rows.Count, raters - 1, raters)]);
    }

    public async Task<StudyRatingsInfo?> StudyAsync(int studyId, CancellationToken ct = default) =>
        (await StudiesAsync(ct)).SingleOrDefault(s => s.Id == studyId);

    /// <summary>The studies feature's lead check (the study row the test seeded); without it every reader leads.</summary>
    public IStudyAccess? Access { get; set; }

    /// <summary>The answer count, as a store's stamp would change with a new answer but not with a row changed unannounced.</summary>
    public async Task<string?> StampAsync(int studyId, CallerAccount? reader, CancellationToken ct = default) =>
        studyId == StudyId && (reader is null || Access is null || await Access.LeadsAsync(reader, studyId, ct))
            ? Snapshot().Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public Task<IReadOnlyList<RatingRow>> RowsAsync(int studyId, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _rowReads);
        return Task.FromResult(studyId == StudyId ? Snapshot() : (IReadOnlyList<RatingRow>)[]);
    }

    public Task<IReadOnlyDictionary<string, string>> ItemImageUrlsAsync(int studyId, CancellationToken ct = default) =>
        Task.FromResult(studyId == StudyId ? ImageUrls : new Dictionary<string, string>());
}
