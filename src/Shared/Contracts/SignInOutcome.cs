namespace MelanoGans.Shared.Contracts;

/// <summary>Result of a password sign-in, as the login page explains it.</summary>
public enum SignInOutcome
{
    Succeeded,
    /// <summary>Wrong user name or password (the page does not say which).</summary>
    Failed,
    /// <summary>Too many failed attempts: locked for a while.</summary>
    LockedOut,
    /// <summary>The account was disabled by an admin.</summary>
    Disabled,
}
