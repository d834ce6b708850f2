using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>
/// Two admins, and users signing in, acting on the same accounts from scopes of their own as circuits and requests
/// do: every action reads the account as it is now, and no interleaving leaves the studio without an active admin.
/// </summary>
public sealed class ConcurrentUserAdministrationTests : IAsyncLifetime
{
    private readonly StudioFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task An_admin_page_left_open_while_the_user_signs_in_and_fails_still_acts_on_fresh_data()
    {
        await using var admin = ScopeAs.Create(_factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        var users = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
        Assert.True((await users.CreateAsync("rita", "Strong-Pass-1", [Roles.Rater])).Result.Succeeded);
        var rita = (await users.ListAsync(Ct)).Single(u => u.UserName == "rita");

        // Meanwhile rita fails twice and changes her password: each bumps the row's concurrency stamp.
        Assert.Equal(SignInOutcome.Failed, await ScopeAs.SignInAsync(_factory.Services, "rita", "wrong"));
        Assert.Equal(SignInOutcome.Failed, await ScopeAs.SignInAsync(_factory.Services, "rita", "wrong"));
        await using (var ritaScope = ScopeAs.Create(_factory.Services, "rita", Roles.Rater))
        {
            var changed = await ritaScope.ServiceProvider.GetRequiredService<ISignInService>().ChangePasswordAsync("Strong-Pass-1", "Strong-Pass-2");
            Assert.True(changed.Succeeded, string.Join(" ", changed.Errors));
        }

        var disabled = await users.SetDisabledAsync(rita.Id, true);
        Assert.True(disabled.Succeeded, string.Join(" ", disabled.Errors));
        Assert.True((await users.SetRoleAsync(rita.Id, Roles.Lead, true)).Succeeded);
        Assert.True((await users.CreateAsync("other", "Strong-Pass-3", [Roles.Rater])).Result.Succeeded);
        var listed = (await users.ListAsync(Ct)).Single(u => u.UserName == "rita");
        Assert.True(listed.IsDisabled);
        Assert.Equal([Roles.Lead, Roles.Rater], listed.Roles);
        Assert.Equal(SignInOutcome.Disabled, await ScopeAs.SignInAsync(_factory.Services, "rita", "Strong-Pass-2"));
    }

    [Fact]
    public async Task A_disabled_admin_with_an_old_page_cannot_disable_the_admin_who_disabled_them()
    {
        var (a, b) = await TwoAdminsOnlyAsync();
        await using var pageA = ScopeAs.Create(_factory.Services, "anna", Roles.Admin);
        await using var pageB = ScopeAs.Create(_factory.Services, "ben", Roles.Admin);
        var usersA = pageA.ServiceProvider.GetRequiredService<IUserAdministration>();
        var usersB = pageB.ServiceProvider.GetRequiredService<IUserAdministration>();
        Assert.NotEmpty(await usersA.ListAsync(Ct)); // A's page is open

        Assert.True((await usersB.SetDisabledAsync(a, true)).Succeeded);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => usersA.SetDisabledAsync(b, true));
        Assert.False((await usersB.ListAsync(Ct)).Single(u => u.Id == b).IsDisabled);
    }

    [Fact]
    public async Task Racing_disables_and_demotes_of_the_last_two_admins_always_leave_one_active_admin()
    {
        var survivor = StudioFactory.AdminUserName;
        for (var round = 0; round < 6; round++)
        {
            var (a, b) = await TwoAdminsOnlyAsync(survivor, $"{round}");
            await using var pageA = ScopeAs.Create(_factory.Services, $"anna{round}", Roles.Admin);
            await using var pageB = ScopeAs.Create(_factory.Services, $"ben{round}", Roles.Admin);
            var usersA = pageA.ServiceProvider.GetRequiredService<IUserAdministration>();
            var usersB = pageB.ServiceProvider.GetRequiredService<IUserAdministration>();
            // Even rounds race two disables, odd rounds a disable against a demotion.
            var results = await Task.WhenAll(
                Attempt(() => usersA.SetDisabledAsync(b, true)),
                Attempt(() => round % 2 == 0 ? usersB.SetDisabledAsync(a, true) : usersB.SetRoleAsync(a, Roles.Admin, false)));

            Assert.Single(results, r => r.Succeeded);
            // Refused in the transaction (the other change committed first), or at the door (the caller lost the role).
            Assert.Matches("last active admin|Only Admin may", Assert.Single(Assert.Single(results, r => !r.Succeeded).Errors));
            survivor = results[0].Succeeded ? $"anna{round}" : $"ben{round}";
            await using var check = ScopeAs.Create(_factory.Services, survivor, Roles.Admin);
            var active = (await check.ServiceProvider.GetRequiredService<IUserAdministration>().ListAsync(Ct))
                .Where(u => !u.IsDisabled && u.Roles.Contains(Roles.Admin)).ToList();
            Assert.Equal(survivor, Assert.Single(active).UserName);
        }
    }

    /// <summary>Two new admins, annaN and benN, made by <paramref name="admin"/>, who then steps aside; returns their ids.</summary>
    private async Task<(string A, string B)> TwoAdminsOnlyAsync(string admin = StudioFactory.AdminUserName, string suffix = "")
    {
        await using var scope = ScopeAs.Create(_factory.Services, admin, Roles.Admin);
        var users = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
        foreach (var name in new[] { "anna" + suffix, "ben" + suffix })
            Assert.True((await users.CreateAsync(name, "Strong-Pass-1", [Roles.Admin])).Result.Succeeded);
        var all = await users.ListAsync(Ct);
        var a = all.Single(u => u.UserName == "anna" + suffix).Id;
        var b = all.Single(u => u.UserName == "ben" + suffix).Id;
        var self = all.Single(u => u.UserName == admin).Id;
        Assert.True((await users.SetDisabledAsync(self, true)).Succeeded);
        return (a, b);
    }

    private static async Task<OperationResult> Attempt(Func<Task<OperationResult>> action)
    {
        try
        {
            return await action();
        }
        catch (UnauthorizedAccessException e)
        {
            // The other admin's change committed first and took this caller's rights: a refusal too.
            return OperationResult.Fail(e.Message);
        }
    }
}
