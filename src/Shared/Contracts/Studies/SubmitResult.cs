namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>The outcome of a submitted answer, with a reason a person can read when refused.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Message">Why it was refused, for the rater; null when saved.</param>
/// <param name="Truth">
/// The item's truth (of a paired trial: the truth of the image picked as real), only for studies with feedback on and for
/// practice answers; null otherwise.
/// </param>
/// <param name="Note">The practice round's result when this answer ended a round; null otherwise.</param>
/// <param name="Next">
/// The rater's next step when the answer was saved (with the image after it to preload), so the page shows it without
/// asking again; null otherwise.
/// </param>
public sealed record SubmitResult(SubmitOutcome Outcome, string? Message = null, RatingTruth? Truth = null, string? Note = null, RatingStep? Next = null)
{
    /// <summary>
    /// A diagnosis study's feedback: the item's true lesion class (an ISIC name; null when unknown), under the same rule as
    /// <see cref="Truth"/>, which a diagnosis study never gives (raters are not told an image's origin).
    /// </summary>
    public string? Class { get; init; }

    /// <summary>True when the place now has an answer (this one or an earlier one), so the page moves on.</summary>
    public bool Advances => Outcome is SubmitOutcome.Saved or SubmitOutcome.AlreadyAnswered;
}
