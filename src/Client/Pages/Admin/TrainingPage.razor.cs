using MelanoGans.Client.Components.Training;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Pages.Admin;

/// <summary>Start runs, follow every run's progress live, manage worker tokens.</summary>
public partial class TrainingPage
{
    [Inject] private ITrainingJobs Jobs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private List<TrainingJobSummary>? _jobs;
    private WorkerTokensPanel? _workers;

    protected override async Task OnInitializedAsync()
    {
        // The page lists training runs; experiments and metrics have pages of their own.
        Subscribe<TrainingUpdate>(OnChangedAsync, u => u.Job.Kind == WorkerJobKind.Training);
        _jobs = (await Jobs.ListAsync()).ToList();
    }

    private void OpenJob(long id) => Navigation.NavigateTo($"admin/training/{id}");

    private async Task OnChangedAsync(TrainingUpdate update)
    {
        if (_jobs is null) return;
        var index = _jobs.FindIndex(j => j.Id == update.Job.Id);
        var changedHands = index < 0 || _jobs[index].State != update.Job.State;
        if (index < 0) _jobs.Insert(0, update.Job);
        else _jobs[index] = update.Job;
        if (changedHands && _workers is not null) await _workers.RefreshAsync();
    }
}
