namespace MelanoGans.Server.Jobs;

/// <summary>A bearer token a trainer worker connects with. Only its SHA-256 is stored; the token is shown once.</summary>
public sealed class WorkerToken
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Created by the server for the worker process it starts itself.</summary>
    public bool IsLocal { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
