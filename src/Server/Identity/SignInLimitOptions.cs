using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Server.Identity;

/// <summary>How many sign-in attempts the login form takes per minute (<c>Studio:SignIn</c>); more are answered 429.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Studio:SignIn";

    /// <summary>Attempts per minute from one client address, whatever user names it tries.</summary>
    [Range(1, 100_000)]
    public int PermitsPerClientPerMinute { get; set; } = 30;

    /// <summary>Attempts per minute at one user name, from wherever they come (lockout still counts failures).</summary>
    [Range(1, 100_000)]
    public int PermitsPerUserPerMinute { get; set; } = 10;
}
