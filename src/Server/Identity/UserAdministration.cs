using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Account management behind the Users page. Every operation runs in a DI scope of its own (a fresh context
/// and <see cref="UserManager{TUser}"/>), so an account changed by a sign-in or by another admin is read as it
/// is now, and the rule that one active admin always remains is checked in the transaction that changes it.
/// </summary>
internal sealed class UserAdministration(
    CurrentUser current,
    IServiceScopeFactory scopes,
    ILogger<UserAdministration> logger) : IUserAdministration
{
    private const string ConcurrencyReason = "Someone changed this account at the same moment; reload the page and try again.";

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                select new { ur.UserId, Role = r.Name! })
            .ToListAsync(ct);
        return all.Select(user =>
        {
            var held = roles.Where(r => r.UserId == user.Id).Select(r => r.Role).ToHashSet();
            return new UserSummary(user.Id, user.UserName!, Roles.All.Where(held.Contains).ToList(),
                user.IsDisabled, user.LockoutEnd, user.CreatedAt);
        }).ToList();
    }

    public async Task<(OperationResult Result, string? Password)> CreateAsync(
        string userName, string? password, IReadOnlyCollection<string> roles)
    {
        var caller = await current.RequireAsync(Roles.Admin);
        if (string.IsNullOrWhiteSpace(userName)) return (OperationResult.Fail("Enter a user name."), null);
        if (roles.Except(Roles.All).FirstOrDefault() is { } unknown)
            return (OperationResult.Fail($"Unknown role {unknown}."), null);
        var generated = string.IsNullOrEmpty(password);
        password = generated ? PasswordGenerator.Generate() : password;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await AccountCommands.CreateAsync(users, userName.Trim(), password!, roles);
        if (!result.Succeeded) return (result, null);
        logger.LogInformation("{Admin} created user {UserName} with roles {Roles}", caller.UserName, userName.Trim(), roles);
        return (OperationResult.Ok, generated ? password : null);
    }

    public async Task<OperationResult> SetRoleAsync(string userId, string role, bool member)
    {
        var caller = await current.RequireAsync(Roles.Admin);
        if (!Roles.All.Contains(role)) return OperationResult.Fail($"Unknown role {role}.");
        return await InTransactionAsync(caller, userId, async (users, db, user) =>
        {
            if (await users.IsInRoleAsync(user, role) == member) return OperationResult.Ok;
            if (!member && role == Roles.Admin && await IsLastActiveAdminAsync(db, user))
                return OperationResult.Fail("The last active admin keeps the Admin role.");
            var result = member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
            // A new security stamp ends the user's sessions at their next request: they sign in again with the new roles.
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            if (result.Succeeded)
                logger.LogInformation("{Admin} {Action} role {Role} of {UserName}", caller.UserName, member ? "granted" : "revoked", role, user.UserName);
            return ToResult(result, user);
        });
    }

    public async Task<OperationResult> SetDisabledAsync(string userId, bool disabled)
    {
        var caller = await current.RequireAsync(Roles.Admin);
        return await InTransactionAsync(caller, userId, async (users, db, user) =>
        {
            if (user.IsDisabled == disabled) return OperationResult.Ok;
            if (disabled && await IsLastActiveAdminAsync(db, user))
                return OperationResult.Fail("The last active admin cannot be disabled.");
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
            // Disabling revokes the account's API tokens in the same transaction: enabling it again does not bring
            // back tokens that may have leaked while it was off; the owner makes new ones.
            if (result.Succeeded && disabled)
            {
                await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
            }
            if (result.Succeeded)
                logger.LogInformation("{Admin} {Action} {UserName}", caller.UserName, disabled ? "disabled" : "enabled", user.UserName);
            return ToResult(result, user);
        });
    }

    public async Task<(OperationResult Result, string? Password)> ResetPasswordAsync(string userId)
    {
        var caller = await current.RequireAsync(Roles.Admin);
        var password = PasswordGenerator.Generate();
        var result = await InTransactionAsync(caller, userId, async (users, _, user) =>
        {
            var reset = await AccountCommands.SetPasswordAsync(users, user, password);
            if (reset.Succeeded) logger.LogInformation("{Admin} reset the password of {UserName}", caller.UserName, user.UserName);
            return reset;
        });
        return (result, result.Succeeded ? password : null);
    }

    /// <summary>
    /// Runs a change of one account in a scope and transaction of its own. The transaction first writes the Admin
    /// role's row, which takes the database's write lock (SQLite) or that row's lock (a server database): two admins
    /// changing accounts at once take turns, so each checks the active admins, and that the caller still is one, with
    /// the other's change committed.
    /// </summary>
    private async Task<OperationResult> InTransactionAsync(
        CallerAccount caller, string userId, Func<UserManager<ApplicationUser>, StudioDbContext, ApplicationUser, Task<OperationResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        await db.Roles.Where(r => r.Name == Roles.Admin)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp));
        if (!(await ActiveAdminIdsAsync(db)).Contains(caller.Id))
            throw new UnauthorizedAccessException($"Only {Roles.Admin} may do this.");
        if (await users.FindByIdAsync(userId) is not { } user) return OperationResult.Fail("No such user.");
        var result = await change(users, db, user);
        if (result.Succeeded) await transaction.CommitAsync();
        return result;
    }

    private static async Task<bool> IsLastActiveAdminAsync(StudioDbContext db, ApplicationUser user)
    {
        var activeAdmins = await ActiveAdminIdsAsync(db);
        return activeAdmins.Contains(user.Id) && activeAdmins.Count <= 1;
    }

    private static Task<List<string>> ActiveAdminIdsAsync(StudioDbContext db) => (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            join u in db.Users on ur.UserId equals u.Id
            where r.Name == Roles.Admin && !u.IsDisabled
            select u.Id)
        .ToListAsync();

    private OperationResult ToResult(IdentityResult result, ApplicationUser user)
    {
        if (result.Succeeded) return OperationResult.Ok;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            logger.LogWarning("Concurrency failure changing user {UserName}: the row changed during the operation", user.UserName);
            return OperationResult.Fail(ConcurrencyReason);
        }
        return AccountCommands.ToResult(result);
    }
}
