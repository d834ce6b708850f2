using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>Makes sure the roles exist and, on an empty database, creates the first admin.</summary>
internal static class AdminSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }

        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.Users.AnyAsync(ct)) return;

        var options = sp.GetRequiredService<IOptions<AdminSeedOptions>>().Value;
        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? PasswordGenerator.Generate() : options.Password!;
        var admin = new ApplicationUser { UserName = options.UserName };
        Check(await users.CreateAsync(admin, password), "create the first admin");
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "make the first user an admin");

        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminSeeder));
        logger.LogWarning("Created the first admin account {UserName}", admin.UserName);
        if (generated)
        {
            // Printed to the console only, once: the log sink may be shipped elsewhere.
            Console.WriteLine();
            Console.WriteLine("  First admin account created.");
            Console.WriteLine($"    user name: {admin.UserName}");
            Console.WriteLine($"    password:  {password}");
            Console.WriteLine("  It is shown only now. Sign in and create your own accounts under Users.");
            Console.WriteLine();
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
