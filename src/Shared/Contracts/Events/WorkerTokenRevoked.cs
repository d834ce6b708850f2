namespace MelanoGans.Shared.Contracts.Events;

/// <summary>An admin revoked a worker token: every instance drops the workers connected with it.</summary>
/// <param name="TokenId">Database id of the token.</param>
public sealed record WorkerTokenRevoked(int TokenId) : IStudioEvent;
