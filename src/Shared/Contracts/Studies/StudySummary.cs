namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>A study as the leads' list shows it.</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">Display name.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="RealCount">Real items (frozen, or planned for a draft).</param>
/// <param name="FakeCount">Generated items (frozen, or planned for a draft).</param>
/// <param name="RaterCount">Assigned raters.</param>
/// <param name="AnswerCount">Answers given so far, over all raters.</param>
/// <param name="ExpectedAnswers">Answers when every rater has finished (repeats included); 0 for a draft.</param>
/// <param name="CreatedAt">When it was set up.</param>
/// <param name="StartedAt">When its items were frozen; null for a draft.</param>
/// <param name="Version">Raised by every change; a start based on an older one is refused.</param>
public sealed record StudySummary(
    int Id,
    string Name,
    StudyState State,
    int RealCount,
    int FakeCount,
    int RaterCount,
    int AnswerCount,
    int ExpectedAnswers,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    int Version = 0)
{
    /// <summary>User name of the lead who created it: with the co-leads they name, the only leads who see and change it.</summary>
    public string Owner { get; init; } = "";

    /// <summary>User names of the leads the owner shares the study with (they see and change it as the owner does).</summary>
    public IReadOnlyList<string> CoLeads { get; init; } = [];

    /// <summary>Whether the caller may name the co-leads: the owner and admins.</summary>
    public bool CanShare { get; init; }
}
