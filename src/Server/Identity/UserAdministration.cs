using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Account management behind the Users page. Checks that the caller is an admin (the page's
/// attribute is not the only guard) and never lets the last active admin lock everyone out.
/// </summary>
internal sealed class UserAdministration(
    UserManager<ApplicationUser> users,
    AuthenticationStateProvider authState,
    ILogger<UserAdministration> logger) : IUserAdministration
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await RequireAdminAsync();
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var list = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            list.Add(new UserSummary(user.Id, user.UserName!, Roles.All.Where(roles.Contains).ToList(),
                user.IsDisabled, user.LockoutEnd, user.CreatedAt));
        }
        return list;
    }

    public async Task<(OperationResult Result, string? Password)> CreateAsync(
        string userName, string? password, IReadOnlyCollection<string> roles)
    {
        var caller = await RequireAdminAsync();
        if (string.IsNullOrWhiteSpace(userName)) return (OperationResult.Fail("Enter a user name."), null);
        if (roles.Except(Roles.All).FirstOrDefault() is { } unknown)
            return (OperationResult.Fail($"Unknown role {unknown}."), null);
        var generated = string.IsNullOrEmpty(password);
        password = generated ? PasswordGenerator.Generate() : password;
        var user = new ApplicationUser { UserName = userName.Trim() };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded) return (ToResult(created), null);
        if (roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded) return (ToResult(added), null);
        }
        logger.LogInformation("{Admin} created user {UserName} with roles {Roles}", caller, user.UserName, roles);
        return (OperationResult.Ok, generated ? password : null);
    }

    public async Task<OperationResult> SetRoleAsync(string userId, string role, bool member)
    {
        var caller = await RequireAdminAsync();
        if (!Roles.All.Contains(role)) return OperationResult.Fail($"Unknown role {role}.");
        if (await users.FindByIdAsync(userId) is not { } user) return OperationResult.Fail("No such user.");
        if (await users.IsInRoleAsync(user, role) == member) return OperationResult.Ok;
        if (!member && role == Roles.Admin && await IsLastActiveAdminAsync(user))
            return OperationResult.Fail("The last active admin keeps the Admin role.");
        var result = member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            // A new security stamp makes open sessions pick up the change at their next validation.
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("{Admin} {Action} role {Role} of {UserName}", caller, member ? "granted" : "revoked", role, user.UserName);
        }
        return ToResult(result);
    }

    public async Task<OperationResult> SetDisabledAsync(string userId, bool disabled)
    {
        var caller = await RequireAdminAsync();
        if (await users.FindByIdAsync(userId) is not { } user) return OperationResult.Fail("No such user.");
        if (disabled && await IsLastActiveAdminAsync(user))
            return OperationResult.Fail("The last active admin cannot be disabled.");
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("{Admin} {Action} {UserName}", caller, disabled ? "disabled" : "enabled", user.UserName);
        }
        return ToResult(result);
    }

    public async Task<(OperationResult Result, string? Password)> ResetPasswordAsync(string userId)
    {
        var caller = await RequireAdminAsync();
        if (await users.FindByIdAsync(userId) is not { } user) return (OperationResult.Fail("No such user."), null);
        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return (ToResult(result), null);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("{Admin} reset the password of {UserName}", caller, user.UserName);
        return (OperationResult.Ok, password);
    }

    private async Task<string> RequireAdminAsync()
    {
        var principal = (await authState.GetAuthenticationStateAsync()).User;
        if (!principal.IsInRole(Roles.Admin))
            throw new UnauthorizedAccessException("Only admins manage users.");
        return principal.Identity?.Name ?? "?";
    }

    private async Task<bool> IsLastActiveAdminAsync(ApplicationUser user)
    {
        if (user.IsDisabled || !await users.IsInRoleAsync(user, Roles.Admin)) return false;
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !a.IsDisabled) <= 1;
    }

    private static OperationResult ToResult(IdentityResult result) =>
        result.Succeeded ? OperationResult.Ok : new OperationResult(false, result.Errors.Select(e => e.Description).ToList());
}
