namespace MelanoGans.Server.Studies;

/// <summary>A co-lead of a study: a lead its owner shares it with, who sees and changes it as the owner does.</summary>
public sealed class StudyLead
{
    public int StudyId { get; set; }

    /// <summary>Identity user id of the co-lead.</summary>
    public required string UserId { get; set; }
}
