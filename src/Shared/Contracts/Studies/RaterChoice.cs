namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>An active account with the Rater role (or, in <see cref="StudySetupOptions.Leads"/>, the Lead role).</summary>
public sealed record RaterChoice(string Id, string UserName);
