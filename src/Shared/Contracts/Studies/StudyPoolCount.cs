namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>How many items a study draws from one generated pool.</summary>
public sealed class StudyPoolCount
{
    public int PoolId { get; set; }

    public int Count { get; set; }

    /// <summary>
    /// The source its items are counted under (the ratings table's <c>source</c>); null or empty for the generating model's
    /// name. Two class-conditional pools of one generator (a melanoma and a nevus pool) share a name so that a diagnosis
    /// study scores them as one source.
    /// </summary>
    public string? Source { get; set; }
}
