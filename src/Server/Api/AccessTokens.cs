using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Api;

/// <summary>The account page's personal access tokens: each lead or admin manages only their own.</summary>
internal sealed class AccessTokens(
    IDbContextFactory<StudioDbContext> dbs,
    CurrentUser current,
    TimeProvider clock) : IAccessTokens
{
    /// <summary>The roles the API serves; raters rate in the browser only.</summary>
    public static readonly string[] Holders = [Roles.Lead, Roles.Admin];

    public async Task<IReadOnlyList<AccessTokenSummary>> ListAsync(CancellationToken ct = default)
    {
        var me = await current.RequireAsync(Holders, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == me.Id).OrderByDescending(t => t.Id).ToListAsync(ct);
        return tokens.Select(t => new AccessTokenSummary(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToList();
    }

    public async Task<(OperationResult Result, string? Token)> CreateAsync(string name, DateTimeOffset? expiresAt, CancellationToken ct = default)
    {
        var me = await current.RequireAsync(Holders, ct);
        name = name.Trim();
        if (name.Length is 0 or > AccessTokenHasher.MaxNameLength)
            return (OperationResult.Fail($"Give the token a name of at most {AccessTokenHasher.MaxNameLength} characters."), null);
        if (expiresAt is { } at && at <= clock.GetUtcNow())
            return (OperationResult.Fail("The expiry date has passed; choose a later one or none."), null);
        var token = AccessTokenHasher.NewToken();
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.AccessTokens.Add(new AccessToken
        {
            UserId = me.Id, Name = name, TokenHash = AccessTokenHasher.Hash(token), CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(ct);
        return (OperationResult.Ok, token);
    }

    public async Task<OperationResult> RevokeAsync(int id, CancellationToken ct = default)
    {
        var me = await current.RequireAsync(Holders, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Someone else's token is "no such token": ids tell nothing about other accounts.
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == me.Id, ct);
        if (token is null) return OperationResult.Fail("No such token.");
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }
}
