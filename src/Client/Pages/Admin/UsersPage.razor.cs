using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MelanoGans.Client.Pages.Admin;

/// <summary>Admins create accounts, assign roles, disable accounts and reset passwords.</summary>
public partial class UsersPage
{
    private sealed record Notice(Severity Severity, string Text);

    [Inject] private IUserAdministration Users { get; set; } = default!;

    private IReadOnlyList<UserSummary>? _users;
    private string _newUserName = "";
    private string _newPassword = "";
    private readonly HashSet<string> _newRoles = [Roles.Rater];
    private bool _busy;
    private Notice? _notice;

    protected override async Task OnInitializedAsync() => _users = await Users.ListAsync();

    private void ToggleNewRole(string role, bool on)
    {
        if (on) _newRoles.Add(role);
        else _newRoles.Remove(role);
    }

    private Task CreateAsync() => RunAsync(async () =>
    {
        var name = _newUserName.Trim();
        var (result, password) = await Users.CreateAsync(name, _newPassword, _newRoles);
        if (!result.Succeeded) return Fail(result);
        _newUserName = _newPassword = "";
        return new Notice(Severity.Success, string.IsNullOrEmpty(password)
            ? $"Created {name}."
            : $"Created {name}. Their password is {password} — it is shown only now.");
    });

    private Task SetRoleAsync(UserSummary user, string role, bool member) => RunAsync(async () =>
    {
        var result = await Users.SetRoleAsync(user.Id, role, member);
        return result.Succeeded ? null : Fail(result);
    });

    private Task SetDisabledAsync(UserSummary user, bool disabled) => RunAsync(async () =>
    {
        var result = await Users.SetDisabledAsync(user.Id, disabled);
        return result.Succeeded
            ? new Notice(Severity.Info, $"{user.UserName} is {(disabled ? "disabled" : "enabled")}.")
            : Fail(result);
    });

    private Task ResetPasswordAsync(UserSummary user) => RunAsync(async () =>
    {
        var (result, password) = await Users.ResetPasswordAsync(user.Id);
        return result.Succeeded
            ? new Notice(Severity.Success, $"New password for {user.UserName}: {password} — it is shown only now.")
            : Fail(result);
    });

    private static Notice Fail(OperationResult result) => new(Severity.Error, string.Join(" ", result.Errors));

    // One operation at a time (buttons are disabled meanwhile), then the list is read again.
    private async Task RunAsync(Func<Task<Notice?>> operation)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            _notice = await operation();
            _users = await Users.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
