using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Client.Components.Studies;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Studies;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MelanoGans.Client.Pages.Studies;

/// <summary>
/// The rater's workflow: one image, the 6-point scale (keys 1-6), artifact tags (keys a, b, c, ...) or, in a diagnosis
/// study that asks for one, a diagnosis (keys m, n, s), a comment, Enter to submit. The next item is fetched only after the service has committed the answer.
/// In a fixed-exposure or staircase study the image shows for the step's exposure, then a noise mask
/// (<c>js/exposure.js</c>), and the measured exposure goes with the answer.
/// </summary>
public partial class RatePage
{
    private static readonly double[] ZoomLevels = [1, 1.5, 2, 3];

    [Parameter] public int StudyId { get; set; }

    [Inject] private IRatingSession Ratings { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private RatingStep? _step;
    private bool _loaded;
    private bool _keysReady;
    private int? _response;
    private readonly HashSet<string> _tags = [];
    private string? _comment;
    private string? _diagnosis;
    private bool _busy;
    private string? _message;
    private string? _feedback;
    private int _zoomIndex;
    private DateTimeOffset _shownAt;
    private Task _draftSaved = Task.CompletedTask;
    private int? _clockStartedFor;
    private IJSObjectReference? _module;
    private IJSObjectReference? _exposure;
    private ElementReference _timedFrame;
    private int? _presentedFor;
    private int? _measuredMs;
    private DotNetObjectReference<RatePage>? _self;

    /// <summary>A paired trial whose feedback is shown: the pair stays on screen with it until the rater goes on.</summary>
    private sealed record HeldPair(int Position, string Left, string Right, bool PickedLeft, string Feedback);

    private HeldPair? _held;

    private double Zoom => ZoomLevels[_zoomIndex];

    private bool Timed => _step is { Mode: RatingMode.Fixed or RatingMode.Staircase, ExposureMs: not null };

    private bool Paired => _step is { PairImageUrl: not null };

    private bool Diagnosis => _step is { Task: RatingTask.Diagnosis };

    private double Percent => _step is { CountedTotal: > 0 } ? 100.0 * _step.CountedAnswered / _step.CountedTotal : 0;

    protected override async Task OnParametersSetAsync() => await LoadStepAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/rating.js");
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("attach", _self, 60_000);
            _keysReady = true;
            StateHasChanged();
        }
        // Start the item's clock once per shown item, and warm the cache for the one after it.
        if (_module is not null && _held is null && _step is { ImageUrl: not null } step && _clockStartedFor != step.Position)
        {
            _clockStartedFor = step.Position;
            _shownAt = Clock.GetUtcNow();
            await _module.InvokeVoidAsync("startItem");
            if (step.NextImageUrl is not null) await _module.InvokeVoidAsync("preload", step.NextImageUrl);
            if (step.NextPairImageUrl is not null) await _module.InvokeVoidAsync("preload", step.NextPairImageUrl);
        }
        if (Timed && _step is { ImageUrl: not null } timed && _presentedFor != timed.Position)
        {
            _presentedFor = timed.Position;
            _exposure ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/exposure.js");
            if (timed.ShownExposureMs is { } shown)
            {
                // Reloaded after the image was shown: the mask only, and the answer carries the exposure measured then.
                await _exposure.InvokeVoidAsync("mask", _timedFrame);
                _measuredMs = shown;
            }
            else
            {
                _measuredMs = await _exposure.InvokeAsync<int>("present", _timedFrame, timed.ExposureMs!.Value);
                await MarkShownAsync(timed.Position, _measuredMs.Value);
            }
            StateHasChanged();
        }
    }

    // A failed record must not end the page: the answer still carries the measured exposure.
    private async Task MarkShownAsync(int position, int exposureMs)
    {
        try
        {
            await Ratings.MarkShownAsync(StudyId, position, exposureMs);
        }
        catch (Exception)
        {
            // Logged by the server; a reload would then show the image again, as before this record existed.
        }
    }

    /// <summary>
    /// Keys forwarded by <c>js/rating.js</c>: 1-6, a-z, Enter, + - 0, and the left and right arrows of a paired choice,
    /// each with the item's active time so far: an answer by key needs no second call into the browser.
    /// </summary>
    [JSInvokable]
    public async Task OnKeyAsync(string key, long activeMs)
    {
        if (_step?.ImageUrl is null) return;
        if (_held is not null)
        {
            if (key is "Enter" or "ArrowLeft" or "ArrowRight") Release();
        }
        else if (Paired)
        {
            if (key is "ArrowLeft" or "ArrowRight") await PickAsync(left: key == "ArrowLeft", activeMs);
        }
        else if (key == "Enter") await SubmitAsync(activeMs);
        else if (key.Length == 1 && key[0] is >= '1' and <= '6') await ChooseResponseAsync(key[0] - '0');
        else if (_step.AskDiagnosis && DiagnosisPicker.Choices.FirstOrDefault(c => c.Key.ToString() == key) is { Name: { } picked }) await PickDiagnosisAsync(picked);
        else if (key.Length == 1 && key[0] is >= 'a' and <= 'z' && key[0] - 'a' < _step.Tags.Count) await ToggleTagAsync(_step.Tags[key[0] - 'a']);
        else if (key == "+") _zoomIndex = Math.Min(_zoomIndex + 1, ZoomLevels.Length - 1);
        else if (key == "-") _zoomIndex = Math.Max(_zoomIndex - 1, 0);
        else if (key == "0") _zoomIndex = 0;
        StateHasChanged();
    }

    private async Task ChooseResponseAsync(int response)
    {
        if (_busy) return;
        _response = response;
        _message = null;
        await SaveDraftAsync();
    }

    private static string ClassPhrase(string lesion) => lesion switch
    {
        LesionClassNames.Melanoma => "a melanoma",
        LesionClassNames.Nevus => "a nevus",
        LesionClassNames.SeborrheicKeratosis => "a seborrheic keratosis",
        _ => $"of class {lesion}",
    };

    private async Task PickDiagnosisAsync(string diagnosis)
    {
        if (_busy) return;
        _diagnosis = _diagnosis == diagnosis ? null : diagnosis;
        _message = null;
        await SaveDraftAsync();
    }

    private async Task ToggleTagAsync(string tag)
    {
        if (_busy) return;
        if (!_tags.Remove(tag)) _tags.Add(tag);
        await SaveDraftAsync();
    }

    /// <summary>
    /// Keeps what the rater chose so far on the server with their resume point, so closing the browser loses nothing.
    /// A refusal needs no message: it only means this place is no longer the one waiting (answered on another device,
    /// or the study paused), which the next step shows.
    /// </summary>
    private Task SaveDraftAsync()
    {
        if (_step?.ImageUrl is null) return Task.CompletedTask;
        // The state is taken now and the saves run in the order of the changes: two quick keys never leave the older draft.
        var draft = new RatingDraft(StudyId, _step.Position, _response, [.. _tags], _comment, _diagnosis);
        var previous = _draftSaved;
        return _draftSaved = SaveAfterAsync(previous, draft);
    }

    // A draft is a convenience: a failed save (a busy database, a role just lost) must not end the rater's page, and
    // must not fail the saves after it. The answer itself is saved by Submit, which reports its own failures.
    private async Task SaveAfterAsync(Task previous, RatingDraft draft)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Already logged by the server; the next draft replaces it anyway.
        }

        try
        {
            await Ratings.SaveDraftAsync(draft);
        }
        catch (Exception)
        {
            // See above: the page goes on; the answer is saved on submit.
        }
    }

    private void CycleZoom() => _zoomIndex = (_zoomIndex + 1) % ZoomLevels.Length;

    /// <summary>A paired trial's answer: the side picked as real. It is committed at once, like a 6-point answer's submit.</summary>
    private async Task PickAsync(bool left, long? activeMs = null)
    {
        if (_held is not null)
        {
            Release();
            return;
        }
        if (_busy || _step?.ImageUrl is null || !Paired) return;
        await SendAsync(left, activeMs);
    }

    /// <summary>Ends the feedback of a held pair: the next trial shows, and its clock starts.</summary>
    private void Release() => _held = null;

    private async Task SubmitAsync(long? activeMs = null)
    {
        if (_busy || _step?.ImageUrl is null || Paired) return;
        if (_response is null)
        {
            _message = "Choose an answer with the keys 1-6 first.";
            return;
        }
        if (_step.AskDiagnosis && _diagnosis is null)
        {
            _message = "Pick a diagnosis with m, n or s first.";
            return;
        }
        if (Timed && _measuredMs is null)
        {
            _message = "Wait until the image has been shown.";
            return;
        }
        await SendAsync(pickedLeft: null, activeMs);
    }

    /// <param name="activeMs">The active time the key event carried; a click asks the browser for it.</param>
    private async Task SendAsync(bool? pickedLeft, long? activeMs)
    {
        _busy = true;
        try
        {
            activeMs ??= _module is null ? 0 : await _module.InvokeAsync<long>("activeMs");
            var result = await Ratings.SubmitAsync(new AnswerSubmission(
                StudyId, _step!.Position, _response ?? RatingRow.NoResponse, [.. _tags], _comment, _shownAt, activeMs.Value, Timed ? _measuredMs : null, pickedLeft,
                _step.AskDiagnosis ? _diagnosis : null));
            if (!result.Advances)
            {
                _message = result.Message;
                return;
            }
            var kind = pickedLeft is null ? "The last image was" : "The image you picked as real was";
            _feedback = string.Join(" ", new[]
            {
                result.Truth is { } truth ? $"{kind} {(truth == RatingTruth.Real ? "real" : "generated")}." : null,
                result.Class is { } lesion ? $"The last lesion was {ClassPhrase(lesion)}." : null,
                result.Note,
            }.Where(t => t is not null));
            if (_feedback.Length == 0) _feedback = null;
            // A paired trial's truth is read beside its own pair: the pair stays until the rater goes on.
            if (pickedLeft is { } left && _feedback is not null && _step.PairImageUrl is { } right)
            {
                _held = new HeldPair(_step.Position, _step.ImageUrl!, right, left, _feedback);
                _feedback = null;
            }
            _response = null;
            _diagnosis = null;
            _tags.Clear();
            _comment = null;
            _zoomIndex = 0;
            _message = null;
            _measuredMs = null;
            // The submit brought the next step when it saved; after an answer from elsewhere, ask.
            await LoadStepAsync(result.Next);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task LoadStepAsync(RatingStep? step = null)
    {
        _step = step ?? await Ratings.GetStepAsync(StudyId);
        if (_step?.Draft is { } draft && draft.Position == _step.Position)
        {
            _response = draft.Response;
            _tags.Clear();
            _tags.UnionWith(draft.Tags);
            _comment = draft.Comment;
            _diagnosis = draft.Diagnosis;
        }
        _shownAt = Clock.GetUtcNow();
        _loaded = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach");
                await _module.DisposeAsync();
                if (_exposure is not null) await _exposure.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the tab; there is nothing left to detach from.
            }
        }
        _self?.Dispose();
    }
}
