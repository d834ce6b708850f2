using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace MelanoGans.Client.Pages.Admin;

/// <summary>Start experiments on a trainer worker, follow them live, read stored results, upload results of the command line.</summary>
public partial class ExperimentsPage
{
    /// <summary>The browser may send at most this much; the server checks the size again.</summary>
    private const long MaxUploadBytes = 4L * 1024 * 1024;

    /// <summary>What a stored result can be downloaded as: the checked file, the study's table, the chart.</summary>
    private static readonly string[] DownloadFiles = [ImbalanceExperimentResult.FileName, ExperimentTable.FileName, ExperimentChart.FileName];

    private sealed record Notice(Severity Severity, IReadOnlyList<string> Lines);

    private sealed record Upload(string FileName, string Json);

    private IReadOnlyList<ExperimentResultSummary>? _results;
    private ImbalanceExperimentResult? _selected;
    private int? _selectedId;
    private Upload? _upload;
    private string? _name;
    private bool _busy;
    private Notice? _notice;
    private List<TrainingJobSummary>? _jobs;
    private long? _jobId;
    private List<ExperimentRunReport> _runs = [];
    private bool _confirmDelete;

    [Inject] private IExperimentResults Experiments { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Subscribe<TrainingUpdate>(OnChangedAsync, u => u.Job.Kind == WorkerJobKind.Experiment);
        _results = await Experiments.ListAsync();
        if (_results.Count > 0) await SelectAsync(_results[0]);
        _jobs = (await Experiments.JobsAsync()).ToList();
        if (_jobs.FirstOrDefault(j => !j.IsFinished) is { } running) await SelectJobAsync(running.Id);
    }

    private async Task OnStartedAsync(long jobId)
    {
        _jobs = (await Experiments.JobsAsync()).ToList();
        await SelectJobAsync(jobId);
    }

    private async Task SelectJobAsync(long jobId)
    {
        _jobId = jobId;
        _runs = (await Experiments.RunsAsync(jobId)).ToList();
        if (_jobs?.FirstOrDefault(j => j.Id == jobId)?.ExperimentResultId is { } resultId) await ShowResultAsync(resultId);
    }

    private async Task DeleteAsync()
    {
        if (_selectedId is not { } id) return;
        var result = await Experiments.DeleteAsync(id);
        _notice = result.Succeeded ? new Notice(Severity.Success, ["Deleted the result."]) : new Notice(Severity.Error, result.Errors);
        _selected = null;
        _selectedId = null;
        _confirmDelete = false;
        _results = await Experiments.ListAsync();
        if (_results.Count > 0) await SelectAsync(_results[0]);
    }

    private async Task CancelAsync(long jobId)
    {
        var result = await Experiments.CancelAsync(jobId);
        if (!result.Succeeded) _notice = new Notice(Severity.Error, result.Errors);
    }

    private async Task ShowResultAsync(int resultId)
    {
        _results = await Experiments.ListAsync();
        if (_results.FirstOrDefault(r => r.Id == resultId) is { } summary) await SelectAsync(summary);
    }

    private async Task OnChangedAsync(TrainingUpdate update)
    {
        if (_jobs is null) return;
        var index = _jobs.FindIndex(j => j.Id == update.Job.Id);
        var finishedNow = update.Job.State == TrainingJobState.Succeeded && (index < 0 || _jobs[index].State != TrainingJobState.Succeeded);
        if (index < 0) _jobs.Insert(0, update.Job);
        else _jobs[index] = update.Job;
        if (update.Job.Id == _jobId)
        {
            if (update.Restarted) _runs = [];
            if (update.ExperimentRun is { } run) _runs.Add(run);
        }

        // The result was stored when the job succeeded: show it, as the run the admin follows ends.
        if (finishedNow && update.Job.Id == _jobId && update.Job.ExperimentResultId is { } resultId) await ShowResultAsync(resultId);
    }

    private async Task SelectAsync(ExperimentResultSummary summary)
    {
        _confirmDelete = false;
        _selectedId = summary.Id;
        _selected = await Experiments.GetAsync(summary.Id);
    }

    private async Task ReadUploadAsync(InputFileChangeEventArgs e)
    {
        try
        {
            await using var stream = e.File.OpenReadStream(MaxUploadBytes);
            using var reader = new StreamReader(stream);
            _upload = new Upload(e.File.Name, await reader.ReadToEndAsync());
        }
        catch (IOException ex)
        {
            _notice = new Notice(Severity.Error, [$"Could not read {e.File.Name}: {ex.Message}"]);
        }
    }

    private async Task UploadAsync()
    {
        if (_upload is null) return;
        _busy = true;
        try
        {
            var result = await Experiments.UploadAsync(string.IsNullOrWhiteSpace(_name) ? _upload.FileName : _name, _upload.Json);
            if (!result.Succeeded)
            {
                _notice = new Notice(Severity.Error, result.Errors);
                return;
            }
            _notice = new Notice(Severity.Success, [$"Stored {_upload.FileName}."]);
            _upload = null;
            _name = null;
            _results = await Experiments.ListAsync();
            if (_results.Count > 0) await SelectAsync(_results[0]);
        }
        finally
        {
            _busy = false;
        }
    }
}
