using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Signs the current browser in with a password (cookie authentication on the server).</summary>
public interface ISignInService
{
    Task<SignInOutcome> PasswordSignInAsync(string userName, string password, bool rememberMe);
}
