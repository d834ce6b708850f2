using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>
/// The caller's own personal access tokens for the REST API (<c>/api/v1</c>; leads and admins): create, list, revoke.
/// A token acts with its owner's roles as they are at each request.
/// </summary>
public interface IAccessTokens
{
    /// <summary>The caller's tokens, newest first, revoked and expired ones included.</summary>
    Task<IReadOnlyList<AccessTokenSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>
    /// Creates a token; the token itself is returned only here (the server keeps its SHA-256). A null
    /// <paramref name="expiresAt"/> makes a token that never expires; a time in the past is refused.
    /// </summary>
    Task<(OperationResult Result, string? Token)> CreateAsync(string name, DateTimeOffset? expiresAt, CancellationToken ct = default);

    /// <summary>Revokes one of the caller's tokens: the next request made with it gets a 401.</summary>
    Task<OperationResult> RevokeAsync(int id, CancellationToken ct = default);
}
