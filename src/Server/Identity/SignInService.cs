using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Identity;

/// <summary>Password sign-in for the static login page; failed attempts count towards lockout.</summary>
internal sealed class SignInService(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    ILogger<SignInService> logger) : ISignInService
{
    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, bool rememberMe)
    {
        var result = await signInManager.PasswordSignInAsync(userName, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", userName);
            return SignInOutcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out", userName);
            return SignInOutcome.LockedOut;
        }
        if (result.IsNotAllowed && await userManager.FindByNameAsync(userName) is { IsDisabled: true })
            return SignInOutcome.Disabled;
        return SignInOutcome.Failed;
    }

    public async Task<OperationResult> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        if (await userManager.GetUserAsync(signInManager.Context.User) is not { } user) return OperationResult.Fail("Sign in first.");
        if (await userManager.IsLockedOutAsync(user)) return OperationResult.Fail("Too many failed attempts. This account is locked for a few minutes.");
        if (!await userManager.CheckPasswordAsync(user, currentPassword))
        {
            await userManager.AccessFailedAsync(user);
            return OperationResult.Fail("The current password is wrong.");
        }

        var changed = await userManager.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded) return OperationResult.Fail([.. changed.Errors.Select(e => e.Description)]);
        await userManager.ResetAccessFailedCountAsync(user);
        // The security stamp changed: re-issue this browser's cookie so only the other sessions end.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} changed their password", user.UserName);
        return OperationResult.Ok;
    }
}
