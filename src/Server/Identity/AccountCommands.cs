using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Identity;

/// <summary>Account changes shared by the Users page and the operator's <c>admin</c> command.</summary>
internal static class AccountCommands
{
    public static async Task<OperationResult> CreateAsync(
        UserManager<ApplicationUser> users, string userName, string password, IReadOnlyCollection<string> roles)
    {
        var user = new ApplicationUser { UserName = userName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return ToResult(created);
        return roles.Count == 0 ? OperationResult.Ok : ToResult(await users.AddToRolesAsync(user, roles));
    }

    /// <summary>Replaces the password and ends any lockout.</summary>
    public static async Task<OperationResult> SetPasswordAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        return ToResult(result);
    }

    public static OperationResult ToResult(IdentityResult result) =>
        result.Succeeded ? OperationResult.Ok : new OperationResult(false, result.Errors.Select(e => e.Description).ToList());
}
