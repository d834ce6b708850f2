namespace MelanoGans.Shared.Contracts;

/// <summary>A personal access token as its owner sees it (never the token itself: only its hash is stored).</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">What the owner called it (the script or machine it is for).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it stops working by itself; null for never.</param>
/// <param name="LastUsedAt">The last request made with it (minute precision); null when never used.</param>
/// <param name="RevokedAt">When its owner revoked it; null while it stands.</param>
public sealed record AccessTokenSummary(
    int Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token authenticates requests at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
