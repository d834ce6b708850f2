namespace MelanoGans.Server.Api;

/// <summary>Raters to add to an open or paused study.</summary>
public sealed record AddRatersRequest
{
    /// <summary>User ids of active accounts with the Rater role (see the set-up options).</summary>
    public IReadOnlyList<string> RaterIds { get; init; } = [];
}
