using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace MelanoGans.Client.Pages.Admin;

public partial class ExperimentsPage
{
    /// <summary>The browser may send at most this much; the server checks the size again.</summary>
    private const long MaxUploadBytes = 4L * 1024 * 1024;

    private sealed record Notice(Severity Severity, IReadOnlyList<string> Lines);

    private sealed record Upload(string FileName, string Json);

    private IReadOnlyList<ExperimentResultSummary>? _results;
    private ImbalanceExperimentResult? _selected;
    private int? _selectedId;
    private Upload? _upload;
    private string? _name;
    private bool _busy;
    private Notice? _notice;

    [Inject] private IExperimentResults Experiments { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _results = await Experiments.ListAsync();
        if (_results.Count > 0) await SelectAsync(_results[0]);
    }

    private async Task SelectAsync(ExperimentResultSummary summary)
    {
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
