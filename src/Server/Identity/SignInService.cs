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
}
