using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Signs the current browser in with a password (cookie authentication on the server), and lets the signed-in user change it.</summary>
public interface ISignInService
{
    Task<SignInOutcome> PasswordSignInAsync(string userName, string password, bool rememberMe);

    /// <summary>
    /// Changes the signed-in user's password after checking the current one (a wrong one counts towards lockout);
    /// this browser stays signed in, other sessions of the account are signed out within a minute.
    /// </summary>
    Task<OperationResult> ChangePasswordAsync(string currentPassword, string newPassword);
}
