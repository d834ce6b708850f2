namespace MelanoGans.Shared.Contracts;

/// <summary>What the Users page shows of an account.</summary>
/// <param name="Id">Identity user id.</param>
/// <param name="UserName">Sign-in name.</param>
/// <param name="Roles">Roles held, from <see cref="Contracts.Roles.All"/>.</param>
/// <param name="IsDisabled">Disabled by an admin: cannot sign in.</param>
/// <param name="LockedOutUntil">End of a lockout after repeated failed sign-ins, if one is in force.</param>
/// <param name="CreatedAt">When the account was created.</param>
public sealed record UserSummary(
    string Id,
    string UserName,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt);
