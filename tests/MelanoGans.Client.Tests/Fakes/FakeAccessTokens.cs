using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>Tokens kept in a list; created tokens are numbered.</summary>
public sealed class FakeAccessTokens : IAccessTokens
{
    public List<AccessTokenSummary> Stored { get; } = [];

    public Task<IReadOnlyList<AccessTokenSummary>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AccessTokenSummary>>(Stored.OrderByDescending(t => t.Id).ToList());

    public Task<(OperationResult Result, string? Token)> CreateAsync(string name, DateTimeOffset? expiresAt, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) return Task.FromResult<(OperationResult, string?)>((OperationResult.Fail("Give the token a name of at most 100 characters."), null));
        var id = Stored.Count + 1;
        Stored.Add(new AccessTokenSummary(id, name.Trim(), DateTimeOffset.UtcNow, expiresAt, null, null));
        return Task.FromResult<(OperationResult, string?)>((OperationResult.Ok, $"mgp_token{id}"));
    }

    public Task<OperationResult> RevokeAsync(int id, CancellationToken ct = default)
    {
        var index = Stored.FindIndex(t => t.Id == id);
        Stored[index] = Stored[index] with { RevokedAt = DateTimeOffset.UtcNow };
        return Task.FromResult(OperationResult.Ok);
    }
}
