using MelanoGans.Client.Services;
using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Identity;

/// <summary>ASP.NET Core Identity with cookies, roles, lockout and the first admin.</summary>
public static class IdentityExtensions
{
    public static WebApplicationBuilder AddStudioIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddStudioDataProtection();
        services.AddOptions<AdminSeedOptions>().BindConfiguration(AdminSeedOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StudioDbContext>()
            .AddSignInManager<StudioSignInManager>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "melanogans.auth";
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ISignInService, SignInService>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioIdentity(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");
        account.MapPost("/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
        return endpoints;
    }

    /// <summary>Roles and the first admin; run after migrations.</summary>
    public static Task SeedStudioIdentityAsync(this IServiceProvider services, CancellationToken ct = default) =>
        AdminSeeder.SeedAsync(services, ct);
}
