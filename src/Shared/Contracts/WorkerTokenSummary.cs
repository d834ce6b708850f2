namespace MelanoGans.Shared.Contracts;

/// <summary>A worker token as the admin sees it (never the token itself: only its hash is stored).</summary>
/// <param name="IsLocal">Created by the server for the local worker it starts itself.</param>
public sealed record WorkerTokenSummary(int Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, bool IsLocal);
