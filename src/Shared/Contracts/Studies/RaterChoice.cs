namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>An active account with the Rater role.</summary>
public sealed record RaterChoice(string Id, string UserName);
