using MelanoGans.Client.Services;
using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Antiforgery;
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
            options.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            options.Events.OnSigningIn = SessionIds.OnSigningIn;
            options.ExpireTimeSpan = SessionIds.Lifetime;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionIds.KeepOnRefresh;
        });
        services.AddSignInRateLimiting();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ISignInService, SignInService>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioIdentity(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");
        account.MapPost("/logout", async Task<IResult> (
            SignInManager<ApplicationUser> signIn, StudioDbContext db, IAntiforgery antiforgery, HttpContext http) =>
        {
            // Another site must not sign people out: the form carries the token (a minimal API checks it itself).
            if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest("The sign-out form is stale; reload the page.");
            // The session ends on the server: a copy of this cookie is refused at its next request.
            await SessionIds.RevokeAsync(db, http.User);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        }).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Keys from the data directory, roles and the first admin; run after migrations, under the start lock.</summary>
    public static async Task SeedStudioIdentityAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await FileKeyImport.ImportAsync(services, ct);
        await AdminSeeder.SeedAsync(services, ct);
    }
}
