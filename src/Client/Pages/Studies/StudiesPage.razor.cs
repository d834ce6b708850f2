using MelanoGans.Client.Components.Studies;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MelanoGans.Client.Pages.Studies;

/// <summary>Leads set up studies, start them (freezing the items), add raters, pause, reopen, close, clone and export them.</summary>
public partial class StudiesPage
{
    private sealed record Notice(Severity Severity, string Text);

    /// <summary>A started study raters are being added to, and the active raters not in it yet.</summary>
    private sealed record Joining(StudySummary Study, IReadOnlyList<RaterChoice> Choices);

    /// <summary>A study whose co-leads are being named, and the active leads other than its owner.</summary>
    private sealed record Sharing(StudySummary Study, IReadOnlyList<RaterChoice> Choices);

    [Inject] private IStudyAdministration Studies { get; set; } = default!;

    private IReadOnlyList<StudySummary>? _studies;
    private StudySetupOptions? _options;
    private StudySetup? _editing;
    private int? _editingId;
    private IReadOnlyList<string>? _errors;
    private bool _busy;
    private Notice? _notice;
    private Joining? _joining;
    private Sharing? _sharing;

    protected override async Task OnInitializedAsync() => _studies = await Studies.ListAsync();

    private async Task NewAsync()
    {
        _options ??= await Studies.GetSetupOptionsAsync();
        _editing = new StudySetup
        {
            RealDatasetId = _options.Datasets.FirstOrDefault()?.Id,
            RaterIds = _options.Raters.Select(r => r.Id).ToList(),
        };
        _editingId = null;
        _errors = null;
    }

    private async Task EditAsync(int studyId)
    {
        _options ??= await Studies.GetSetupOptionsAsync();
        _editing = await Studies.GetSetupAsync(studyId);
        _editingId = _editing is null ? null : studyId;
        _errors = null;
    }

    private void Cancel()
    {
        _editing = null;
        _editingId = null;
        _errors = null;
    }

    private async Task SaveAsync(StudySetup setup)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var result = _editingId is { } id ? await Studies.UpdateAsync(id, setup) : (await Studies.CreateAsync(setup)).Result;
            if (!result.Succeeded)
            {
                _errors = result.Errors;
                return;
            }
            _notice = new Notice(Severity.Success, $"Saved {setup.Name.Trim()} as a draft. Start it when the set-up is final.");
            Cancel();
            _studies = await Studies.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ChooseRatersAsync(StudySummary study)
    {
        _options = await Studies.GetSetupOptionsAsync();
        var current = (await Studies.GetSetupAsync(study.Id))?.RaterIds ?? [];
        _joining = new Joining(study, _options.Raters.Where(r => !current.Contains(r.Id)).ToList());
    }

    private async Task AddRatersAsync(IReadOnlyList<string> raterIds)
    {
        if (_busy || _joining is null) return;
        _busy = true;
        try
        {
            var result = await Studies.AddRatersAsync(_joining.Study.Id, raterIds);
            _notice = result.Succeeded
                ? new Notice(Severity.Success, $"Added {raterIds.Count} rater{(raterIds.Count == 1 ? "" : "s")} to {_joining.Study.Name}; they see it under My studies.")
                : new Notice(Severity.Error, string.Join(" ", result.Errors));
            if (result.Succeeded) _joining = null;
            _studies = await Studies.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ChooseCoLeadsAsync(StudySummary study)
    {
        _options = await Studies.GetSetupOptionsAsync();
        _sharing = new Sharing(study, _options.Leads.Where(l => l.UserName != study.Owner).ToList());
    }

    private async Task ShareAsync(IReadOnlyList<string> leadIds)
    {
        if (_busy || _sharing is null) return;
        _busy = true;
        try
        {
            var result = await Studies.SetCoLeadsAsync(_sharing.Study.Id, leadIds, _sharing.Study.Version);
            _notice = result.Succeeded
                ? new Notice(Severity.Success, leadIds.Count == 0
                    ? $"{_sharing.Study.Name} is shared with no other lead."
                    : $"Shared {_sharing.Study.Name} with {leadIds.Count} co-lead{(leadIds.Count == 1 ? "" : "s")}.")
                : new Notice(Severity.Error, string.Join(" ", result.Errors));
            if (result.Succeeded) _sharing = null;
            _studies = await Studies.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RunAsync(StudyAction action)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var (result, message) = action.Kind switch
            {
                StudyActionKind.Start => (await Studies.StartAsync(action.StudyId, action.Version), "Started: the items are frozen and the raters can begin."),
                StudyActionKind.Pause => (await Studies.PauseAsync(action.StudyId), "Paused."),
                StudyActionKind.Resume => (await Studies.ResumeAsync(action.StudyId), "Reopened."),
                StudyActionKind.Close => (await Studies.CloseAsync(action.StudyId), "Closed."),
                StudyActionKind.Clone => ((await Studies.CloneAsync(action.StudyId)).Result, "Cloned into a new draft."),
                _ => (OperationResult.Fail("Unknown action."), ""),
            };
            _notice = result.Succeeded ? new Notice(Severity.Success, message) : new Notice(Severity.Error, string.Join(" ", result.Errors));
            _studies = await Studies.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
