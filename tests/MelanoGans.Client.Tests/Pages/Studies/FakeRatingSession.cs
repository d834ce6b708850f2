using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>A rater's session over a fixed number of places, recording what the page submits.</summary>
public sealed class FakeRatingSession(int total, IReadOnlyList<string> tags) : IRatingSession
{
    public List<AnswerSubmission> Submitted { get; } = [];

    public bool Assigned { get; set; } = true;

    /// <summary>The last draft the page kept, as the server would hold it with the resume point.</summary>
    public RatingDraft? Draft { get; set; }

    /// <summary>The protocol the steps carry, and the exposure of a timed one.</summary>
    public RatingMode Mode { get; set; } = RatingMode.Untimed;

    public int? ExposureMs { get; set; }

    /// <summary>The practice round the steps are in; null outside practice.</summary>
    public int? PracticeRound { get; set; }

    /// <summary>What each submit returns; saved without feedback unless set.</summary>
    public SubmitResult Result { get; set; } = new(SubmitOutcome.Saved);

    /// <summary>Return the next step with a saved answer, as the server does.</summary>
    public bool NextWithSubmit { get; set; }

    /// <summary>How often the page asked for its step.</summary>
    public int StepReads { get; private set; }

    public Task<IReadOnlyList<AssignedStudy>> ListAssignedAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AssignedStudy>>(Assigned ? [new AssignedStudy(7, "Pilot", StudyState.Open, Submitted.Count, total)] : []);

    public Task<RatingStep?> GetStepAsync(int studyId, CancellationToken ct = default)
    {
        StepReads++;
        return StepAsync(studyId);
    }

    private Task<RatingStep?> StepAsync(int studyId)
    {
        if (!Assigned) return Task.FromResult<RatingStep?>(null);
        var position = Submitted.Count;
        string? Url(int p, string side = "") => p < total ? $"/study-images/token{p:00}{side}" : null;
        string? PairUrl(int p) => Mode == RatingMode.Paired ? Url(p, "r") : null;
        return Task.FromResult<RatingStep?>(new RatingStep(studyId, "Pilot", "Look closely.", StudyState.Open, tags,
            position, position, total, Url(position), Url(position + 1), Draft?.Position == position ? Draft : null, Mode, ExposureMs,
            PairUrl(position), PairUrl(position + 1), PracticeRound, PracticeRound is null ? null : 0.8, ShownExposureMs));
    }

    /// <summary>Places whose timed image the page recorded as shown, with the measured exposure.</summary>
    public List<(int Position, int ExposureMs)> Shown { get; } = [];

    /// <summary>The exposure of an image shown before a reload, returned with every step; null when not shown.</summary>
    public int? ShownExposureMs { get; set; }

    public Task<OperationResult> MarkShownAsync(int studyId, int position, int exposureMs)
    {
        Shown.Add((position, exposureMs));
        return Task.FromResult(OperationResult.Ok);
    }

    public Task<OperationResult> SaveDraftAsync(RatingDraft draft)
    {
        Draft = draft;
        return Task.FromResult(OperationResult.Ok);
    }

    public async Task<SubmitResult> SubmitAsync(AnswerSubmission answer)
    {
        Submitted.Add(answer);
        return NextWithSubmit && Result.Outcome == SubmitOutcome.Saved ? Result with { Next = await StepAsync(answer.StudyId) } : Result;
    }
}
