namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>What happened to a submitted answer.</summary>
public enum SubmitOutcome
{
    /// <summary>Stored and committed.</summary>
    Saved,

    /// <summary>This place already had an answer (double submit, refresh); the first answer is kept.</summary>
    AlreadyAnswered,

    /// <summary>The caller is not an assigned rater of the study.</summary>
    NotAssigned,

    /// <summary>The study is not open (draft, paused or closed).</summary>
    StudyNotOpen,

    /// <summary>The answer itself is malformed (response out of range, unknown tag, wrong place).</summary>
    Invalid,
}
