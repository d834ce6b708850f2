using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>The Users page's service against the real Identity stores in SQLite.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private readonly StudioFactory _factory = new();
    private AsyncServiceScope _scope;
    private IUserAdministration Users => _scope.ServiceProvider.GetRequiredService<IUserAdministration>();

    public ValueTask InitializeAsync()
    {
        _scope = ScopeAs.Create(_factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        return ValueTask.CompletedTask;
    }


    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Create_with_an_empty_password_generates_one_that_signs_in()
    {
        var (result, password) = await Users.CreateAsync("rater1", "", [Roles.Rater]);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.False(string.IsNullOrEmpty(password));
        var listed = Assert.Single(await Users.ListAsync(TestContext.Current.CancellationToken), u => u.UserName == "rater1");
        Assert.Equal([Roles.Rater], listed.Roles);
        Assert.Equal(SignInOutcome.Succeeded, await ScopeAs.SignInAsync(_factory.Services, "rater1", password!));
    }

    [Fact]
    public async Task Create_reports_weak_passwords_and_duplicate_names()
    {
        var (weak, _) = await Users.CreateAsync("lead1", "short", [Roles.Lead]);
        Assert.False(weak.Succeeded);
        Assert.Contains(weak.Errors, e => e.Contains("at least 8"));

        Assert.True((await Users.CreateAsync("lead1", "Strong-Pass-1", [Roles.Lead])).Result.Succeeded);
        var (duplicate, _) = await Users.CreateAsync("lead1", "Strong-Pass-1", [Roles.Lead]);
        Assert.False(duplicate.Succeeded);
        Assert.Contains(duplicate.Errors, e => e.Contains("already taken"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled()
    {
        await Users.CreateAsync("rater2", "Strong-Pass-2", [Roles.Rater]);
        var id = (await Users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "rater2").Id;

        Assert.True((await Users.SetDisabledAsync(id, true)).Succeeded);
        Assert.Equal(SignInOutcome.Disabled, await ScopeAs.SignInAsync(_factory.Services, "rater2", "Strong-Pass-2"));

        Assert.True((await Users.SetDisabledAsync(id, false)).Succeeded);
        Assert.Equal(SignInOutcome.Succeeded, await ScopeAs.SignInAsync(_factory.Services, "rater2", "Strong-Pass-2"));
    }

    [Fact]
    public async Task Reset_password_ends_a_lockout_and_replaces_the_old_password()
    {
        await Users.CreateAsync("rater3", "Strong-Pass-3", [Roles.Rater]);
        for (var i = 0; i < 5; i++) await ScopeAs.SignInAsync(_factory.Services, "rater3", "wrong");
        Assert.Equal(SignInOutcome.LockedOut, await ScopeAs.SignInAsync(_factory.Services, "rater3", "Strong-Pass-3"));
        var id = (await Users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "rater3").Id;

        var (result, password) = await Users.ResetPasswordAsync(id);

        Assert.True(result.Succeeded);
        Assert.Equal(SignInOutcome.Failed, await ScopeAs.SignInAsync(_factory.Services, "rater3", "Strong-Pass-3"));
        Assert.Equal(SignInOutcome.Succeeded, await ScopeAs.SignInAsync(_factory.Services, "rater3", password!));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_disabled_nor_demoted()
    {
        var adminId = (await Users.ListAsync(TestContext.Current.CancellationToken)).Single().Id;

        Assert.False((await Users.SetDisabledAsync(adminId, true)).Succeeded);
        Assert.False((await Users.SetRoleAsync(adminId, Roles.Admin, false)).Succeeded);

        // With a second admin the first may step down.
        await Users.CreateAsync("admin2", "Strong-Pass-4", [Roles.Admin]);
        Assert.True((await Users.SetRoleAsync(adminId, Roles.Admin, false)).Succeeded);
    }

    [Fact]
    public async Task Roles_are_granted_and_revoked()
    {
        await Users.CreateAsync("both", "Strong-Pass-5", [Roles.Rater]);
        var id = (await Users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == "both").Id;

        Assert.True((await Users.SetRoleAsync(id, Roles.Lead, true)).Succeeded);
        Assert.True((await Users.SetRoleAsync(id, Roles.Rater, false)).Succeeded);
        Assert.False((await Users.SetRoleAsync(id, "Superuser", true)).Succeeded);

        var user = (await Users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.Id == id);
        Assert.Equal([Roles.Lead], user.Roles);
    }

    [Fact]
    public async Task Non_admins_are_refused_by_the_service_itself()
    {
        await using var scope = ScopeAs.Create(_factory.Services, "someone", Roles.Lead);
        var users = scope.ServiceProvider.GetRequiredService<IUserAdministration>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.ListAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => users.CreateAsync("x", "Strong-Pass-6", [Roles.Admin]));
    }
}
