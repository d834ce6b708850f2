using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Identity;

/// <summary>
/// The operator's way back in when no admin can sign in: <c>admin reset NAME</c> re-enables an account, gives it
/// the Admin role and a new password; <c>admin create NAME</c> makes a new admin. Runs against the configured
/// database without starting the web server; the password is printed once.
/// </summary>
/// <param name="Verb"><c>reset</c> or <c>create</c>.</param>
/// <param name="UserName">The account.</param>
/// <param name="HostArgs">The remaining arguments, for the host's configuration (<c>--Studio:DataDirectory=...</c>).</param>
public sealed record AdminCommand(string Verb, string UserName, string[] HostArgs)
{
    public const string Usage = "usage: admin reset NAME | admin create NAME  [--Studio:DataDirectory=DIR ...]";

    /// <summary>The command in <paramref name="args"/>; null when they start the server; throws with the usage on a malformed one.</summary>
    public static AdminCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "admin") return null;
        if (args.Length < 3 || args[1] is not ("reset" or "create") || args[2].StartsWith('-') || string.IsNullOrWhiteSpace(args[2]))
            throw new ArgumentException(Usage);
        return new AdminCommand(args[1], args[2].Trim(), args[3..]);
    }

    /// <summary>Carries the command out; returns the process exit code.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var password = PasswordGenerator.Generate();
        var existing = await users.FindByNameAsync(UserName);
        var result = (Verb, existing) switch
        {
            ("create", not null) => OperationResult.Fail($"There is already a user {UserName}; use admin reset {UserName}."),
            ("create", null) => await AccountCommands.CreateAsync(users, UserName, password, [Roles.Admin]),
            (_, null) => OperationResult.Fail($"There is no user {UserName}; use admin create {UserName}."),
            (_, { } user) => await ResetAsync(users, user, password),
        };
        if (!result.Succeeded)
        {
            output.WriteLine($"admin {Verb} failed: {string.Join(" ", result.Errors)}");
            return 1;
        }
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<AdminCommand>()
            .LogWarning("Operator command admin {Verb} {UserName}", Verb, UserName);
        output.WriteLine(Verb == "create" ? $"Created the admin account {UserName}." : $"{UserName} is enabled, an Admin, and unlocked.");
        output.WriteLine($"  password: {password}");
        output.WriteLine("  It is shown only now.");
        return 0;
    }

    private static async Task<OperationResult> ResetAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        user.IsDisabled = false;
        var result = AccountCommands.ToResult(await users.UpdateAsync(user));
        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
            result = AccountCommands.ToResult(await users.AddToRoleAsync(user, Roles.Admin));
        if (result.Succeeded) result = await AccountCommands.SetPasswordAsync(users, user, password);
        return result;
    }
}
