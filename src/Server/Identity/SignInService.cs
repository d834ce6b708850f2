using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Password sign-in for the static login page; failed attempts count towards lockout. Every attempt verifies one
/// password hash, for an unknown, locked or disabled account too, so the time taken does not tell which accounts exist.
/// </summary>
internal sealed class SignInService(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    IPasswordHasher<ApplicationUser> hasher,
    ILogger<SignInService> logger) : ISignInService
{
    // A hash of a random password made with the store's own hasher: verifying against it costs what a real check costs.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, bool rememberMe)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await userManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            VerifyDecoy(password);
            logger.LogInformation("Sign-in for an unknown user name failed");
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", user.UserName);
            return SignInOutcome.Succeeded;
        }
        // Identity answers a locked or disabled account before it looks at the password: look at one anyway.
        if (result.IsLockedOut || result.IsNotAllowed) VerifyDecoy(password);
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out", user.UserName);
            return SignInOutcome.LockedOut;
        }
        if (result.IsNotAllowed && user.IsDisabled) return SignInOutcome.Disabled;
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

    private void VerifyDecoy(string password) =>
        hasher.VerifyHashedPassword(new ApplicationUser(), DecoyHash.Value, password ?? "");
}
