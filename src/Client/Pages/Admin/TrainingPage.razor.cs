using MelanoGans.Client.Components.Training;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Pages.Admin;

/// <summary>Start runs, follow every run's progress live, manage worker tokens.</summary>
public partial class TrainingPage : IDisposable
{
    [Inject] private ITrainingJobs Jobs { get; set; } = default!;
    [Inject] private ITrainingFeed Feed { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private List<TrainingJobSummary>? _jobs;
    private WorkerTokensPanel? _workers;

    protected override async Task OnInitializedAsync()
    {
        Feed.Changed += OnChanged;
        _jobs = (await Jobs.ListAsync()).ToList();
    }

    public void Dispose() => Feed.Changed -= OnChanged;

    private void OpenJob(long id) => Navigation.NavigateTo($"admin/training/{id}");

    // Runs on the publisher's thread: copy into the renderer's context before touching state.
    private void OnChanged(TrainingUpdate update) => _ = InvokeAsync(async () =>
    {
        if (_jobs is null) return;
        var index = _jobs.FindIndex(j => j.Id == update.Job.Id);
        var changedHands = index < 0 || _jobs[index].State != update.Job.State;
        if (index < 0) _jobs.Insert(0, update.Job);
        else _jobs[index] = update.Job;
        if (changedHands && _workers is not null) await _workers.RefreshAsync();
        StateHasChanged();
    });
}
