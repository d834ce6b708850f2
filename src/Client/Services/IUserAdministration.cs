using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Account management for admins. Every method checks the caller's rights on the server.</summary>
public interface IUserAdministration
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>Creates an account with the given roles. An empty password is replaced by a generated one.</summary>
    Task<(OperationResult Result, string? Password)> CreateAsync(string userName, string? password, IReadOnlyCollection<string> roles);

    Task<OperationResult> SetRoleAsync(string userId, string role, bool member);

    Task<OperationResult> SetDisabledAsync(string userId, bool disabled);

    /// <summary>Replaces the password with a generated one, ends any lockout and returns the new password.</summary>
    Task<(OperationResult Result, string? Password)> ResetPasswordAsync(string userId);
}
