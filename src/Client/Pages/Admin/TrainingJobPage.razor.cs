using MelanoGans.Shared.Imaging;
using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MelanoGans.Client.Pages.Admin;

/// <summary>
/// One run, live: loss curves that grow with every tick, the latest grid and the grid history, state, ETA,
/// throughput, worker and device. Opening mid-run draws the history so far from the server, then follows
/// the in-process feed.
/// </summary>
public partial class TrainingJobPage
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [Inject] private ITrainingJobs Jobs { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private TrainingJobSummary? _job;
    private List<TrainingTick> _ticks = [];
    private List<TrainingGridView> _grids = [];
    private TrainingGridView? _selected;
    private bool _missing;
    private List<BreadcrumbItem> _crumbs = [];

    /// <summary>The grid the admin picked from the history, else the latest.</summary>
    private TrainingGridView? Shown => _selected ?? _grids.LastOrDefault();

    private string OptionsText => _job is null ? "" : JsonSerializer.Serialize(_job.Options, Indented);

    // Subscribed before the first read, so no update falls between the snapshot and the events; duplicates are skipped.
    protected override void OnInitialized() => Subscribe<TrainingUpdate>(OnChanged, u => u.Job.Id == Id);

    protected override async Task OnParametersSetAsync()
    {
        var detail = await Jobs.GetAsync(Id);
        _missing = detail is null;
        _crumbs = [new("Training", "admin/training"), new(detail?.Job.Label ?? $"Job {Id}", null, disabled: true)];
        if (detail is null) return;
        _job = detail.Job;
        _ticks = MergeTicks(detail.Ticks, _ticks);
        _grids = detail.Grids.UnionBy(_grids, g => g.Step).OrderBy(g => g.Step).ToList();
    }

    private static string ImageUrl(string sha256) => ContentAddress.ImageUrl(sha256);

    private static List<TrainingTick> MergeTicks(IEnumerable<TrainingTick> first, IEnumerable<TrainingTick> second) =>
        first.UnionBy(second, t => t.Step).OrderBy(t => t.Step).ToList();

    private async Task CancelAsync()
    {
        var result = await Jobs.CancelAsync(Id);
        if (!result.Succeeded && _job is not null) _job = _job with { Message = string.Join(" ", result.Errors) };
    }

    private void OnChanged(TrainingUpdate update)
    {
        _job = update.Job;
        if (update.Restarted)
        {
            // A resumed or restarted run replaces what came after its starting step.
            _ticks.RemoveAll(t => t.Step > update.Job.Step);
            _grids.RemoveAll(g => g.Step > update.Job.Step);
            if (_selected is not null && _selected.Step > update.Job.Step) _selected = null;
        }

        if (update.Tick is { } tick && (_ticks.Count == 0 || tick.Step > _ticks[^1].Step)) _ticks.Add(tick);
        else if (update.Tick is { } late) _ticks = MergeTicks(_ticks, [late]);
        if (update.Grid is { } grid && _grids.All(g => g.Step != grid.Step))
        {
            _grids.Add(grid);
            _grids.Sort((a, b) => a.Step.CompareTo(b.Step));
        }
    }
}
