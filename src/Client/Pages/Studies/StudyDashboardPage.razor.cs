using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Statistics;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Pages.Studies;

/// <summary>The live statistics dashboard of one study (Lead and Admin).</summary>
public sealed partial class StudyDashboardPage
{
    private readonly CancellationTokenSource _disposed = new();
    private StudyDashboard? _dashboard;
    private StudyRatingsInfo? _study;
    private IReadOnlyDictionary<string, string> _imageUrls = new Dictionary<string, string>();
    private bool _loading = true;
    private bool _missing;
    private bool _reloading;
    private bool _reloadAgain;
    private int? _shownStudyId;

    [Parameter] public int StudyId { get; set; }

    [Inject] private IStudyStatistics Statistics { get; set; } = default!;

    [Inject] private IModelMetrics Metrics { get; set; } = default!;

    [Inject] private IStudyAdministration Studies { get; set; } = default!;

    private string? _exclusionMessage;

    /// <summary>The generator metrics of every model, shown beside the raters' verdict on the models of this study.</summary>
    private IReadOnlyList<ModelMetricsView> _metrics = [];

    protected override async Task OnInitializedAsync()
    {
        Subscribe<AnswerRecorded>(_ => ReloadAsync(), e => e.StudyId == StudyId);
        Subscribe<RaterExclusionChanged>(_ => ReloadAsync(), e => e.StudyId == StudyId);
        _metrics = await Metrics.LatestAsync(_disposed.Token);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_shownStudyId != StudyId)
        {
            // Another study: nothing of the previous one may stay on screen, its images included.
            _shownStudyId = StudyId;
            _dashboard = null;
            _imageUrls = new Dictionary<string, string>();
        }

        await ReloadAsync();
    }

    /// <summary>The lead's exclusion (or inclusion) of a rater; the statistics are recomputed by the event it raises, here and on every open dashboard.</summary>
    private async Task ToggleExclusionAsync((string Rater, bool Exclude) request)
    {
        var result = await Studies.SetRaterExcludedAsync(StudyId, request.Rater, request.Exclude);
        _exclusionMessage = result.Succeeded ? null : string.Join(" ", result.Errors);
        if (result.Succeeded) await ReloadAsync();
    }

    private string ExportUrl(string file) => $"api/studies/{StudyId}/{file}";

    // The download attribute also keeps the Blazor router from intercepting the link: exports come from the server.
    private string FileName(string file) => $"study-{StudyId}-{file}";

    private async Task ReloadAsync()
    {
        if (_disposed.IsCancellationRequested) return; // an answer arrived as the page was left

        // Answers can arrive faster than a recomputation: run one reload at a time and one more at the end.
        if (_reloading)
        {
            _reloadAgain = true;
            return;
        }

        _reloading = true;
        _loading = true;
        try
        {
            do
            {
                _reloadAgain = false;
                var ct = _disposed.Token;
                var live = await Statistics.LiveAsync(StudyId, ct);
                (_study, _dashboard) = (live?.Study, live?.Dashboard);
                _missing = _dashboard is null;
                if (_dashboard is not null && _imageUrls.Count == 0)
                {
                    _imageUrls = await Statistics.ItemImageUrlsAsync(StudyId, ct);
                }
            }
            while (_reloadAgain);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page was left while computing.
        }
        finally
        {
            _reloading = false;
            _loading = false;
        }
    }

    protected override void OnDispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
