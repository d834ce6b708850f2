namespace MelanoGans.Server.Studies;

/// <summary>A generated pool a study draws fakes from, and how many.</summary>
public sealed class StudyPoolSource
{
    public int StudyId { get; set; }

    public int PoolId { get; set; }

    public int Count { get; set; }

    /// <summary>The source its items are counted under; null for the generating model's name.</summary>
    public string? SourceName { get; set; }
}
