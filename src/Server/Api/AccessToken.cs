using MelanoGans.Server.Data;

namespace MelanoGans.Server.Api;

/// <summary>
/// A user's personal access token for <c>/api/v1</c>. Only its SHA-256 is stored; the token is shown once. It carries
/// no roles of its own: each request acts with the owner's roles as stored then.
/// </summary>
public sealed class AccessToken
{
    public int Id { get; set; }

    /// <summary>The owner's Identity user id.</summary>
    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Null: never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
