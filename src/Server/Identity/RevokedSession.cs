namespace MelanoGans.Server.Identity;

/// <summary>A signed-out session: its cookie is refused until it would have expired anyway.</summary>
public sealed class RevokedSession
{
    /// <summary>The session id the cookie carries (<see cref="SessionIds.ClaimType"/>).</summary>
    public required string Id { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
