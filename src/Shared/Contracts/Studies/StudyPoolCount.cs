namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>How many items a study draws from one generated pool.</summary>
public sealed class StudyPoolCount
{
    public int PoolId { get; set; }

    public int Count { get; set; }
}
