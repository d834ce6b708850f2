namespace MelanoGans.Server.Studies;

/// <summary>A rater's assignment to a study, with the seed of their own item order.</summary>
public sealed class StudyRater
{
    public int StudyId { get; set; }

    /// <summary>Identity user id.</summary>
    public required string UserId { get; set; }

    /// <summary>Seeds this rater's shuffle: stable across sessions and devices, different between raters.</summary>
    public long OrderSeed { get; set; }

    /// <summary>User name of the lead who excluded the rater from the statistics; null while included.</summary>
    public string? ExcludedBy { get; set; }

    /// <summary>When the rater was excluded; null while included.</summary>
    public DateTimeOffset? ExcludedAt { get; set; }
}
