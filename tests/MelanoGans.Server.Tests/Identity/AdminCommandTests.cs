using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using MelanoGans.Server.Data;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>
/// The operator's <c>admin reset|create</c> run as the real server process against a studio whose every admin is
/// disabled (or locked out): the account it prints signs in through the real login form.
/// </summary>
public sealed partial class AdminCommandTests : IAsyncLifetime
{
    private readonly StudioFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Reset_gives_a_studio_without_an_active_admin_an_admin_who_signs_in()
    {
        await ChangeAdminAsync(async (users, admin) =>
        {
            admin.IsDisabled = true;
            await users.UpdateAsync(admin);
            await users.RemoveFromRoleAsync(admin, Roles.Admin);
            for (var i = 0; i < 5; i++) await users.AccessFailedAsync(admin);
        });
        var client = BrowserlessClient.Create(_factory);
        Assert.Equal(HttpStatusCode.OK, (await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword)).StatusCode);

        var (code, output) = await RunAsync("admin", "reset", StudioFactory.AdminUserName);

        Assert.Equal(0, code);
        var password = PasswordLine().Match(output).Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Create_makes_a_new_admin_and_refuses_an_existing_name()
    {
        var (code, output) = await RunAsync("admin", "create", "rescue");
        Assert.Equal(0, code);
        var client = BrowserlessClient.Create(_factory);
        var login = await BrowserlessClient.SignInAsync(client, "rescue", PasswordLine().Match(output).Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var (again, message) = await RunAsync("admin", "create", "rescue");
        Assert.Equal(1, again);
        Assert.Contains("There is already a user rescue; use admin reset rescue.", message);
        var (unknown, reason) = await RunAsync("admin", "reset", "nobody");
        Assert.Equal(1, unknown);
        Assert.Contains("There is no user nobody; use admin create nobody.", reason);
        var (usage, text) = await RunAsync("admin", "promote", "x");
        Assert.Equal(2, usage);
        Assert.Contains("usage: admin reset NAME | admin create NAME", text);
    }

    private async Task ChangeAdminAsync(Func<UserManager<ApplicationUser>, ApplicationUser, Task> change)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await change(users, (await users.FindByNameAsync(StudioFactory.AdminUserName))!);
    }

    /// <summary>Runs the server's own binary with the arguments against the test studio's data directory.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _factory.DataDirectory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "MelanoGans.Server.dll") }.Concat(args)
                     .Append($"--Studio:DataDirectory={_factory.DataDirectory}").Append("--Studio:Training:LocalWorker=false")
                     .Concat(TestDatabase.Arguments(_factory.DataDirectory)))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"password: (\S+)")]
    private static partial Regex PasswordLine();
}
