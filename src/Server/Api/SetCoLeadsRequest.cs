namespace MelanoGans.Server.Api;

/// <summary>The co-leads of a study, replacing the list (an empty list shares it with nobody).</summary>
public sealed record SetCoLeadsRequest
{
    /// <summary>User ids of active accounts with the Lead role (see <c>leads</c> in the set-up options), other than the owner.</summary>
    public IReadOnlyList<string> LeadIds { get; init; } = [];
}
