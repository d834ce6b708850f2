using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>
/// ASP.NET Core's rate limiter on the login form's posts, per client address and per user name: guessing passwords
/// from one place, or at one account from many places, runs into a 429 long before it gets far.
/// </summary>
internal static class SignInRateLimiting
{
    private const string LoginPath = "/account/login";
    private const string UserNameItem = "melanogans.sign-in-user";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimitOptions>>((limiter, limits) =>
        {
            var perClient = limits.Value.PermitsPerClientPerMinute;
            var perUser = limits.Value.PermitsPerUserPerMinute;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("client:" + http.Connection.RemoteIpAddress, _ => Window(perClient))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("user:" + http.Items[UserNameItem], _ => Window(perUser))
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts. Wait a minute, then try again.", ct);
            };
        });
        return services;
    }

    /// <summary>Reads the user name of a login post before the limiter runs (the limiter's partitions are synchronous).</summary>
    public static WebApplication UseSignInRateLimiting(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (IsSignIn(http) && http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                // Identity's own normalisation: spellings of one name share one bucket.
                http.Items[UserNameItem] = http.RequestServices.GetRequiredService<ILookupNormalizer>().NormalizeName(form["Input.UserName"].ToString().Trim());
            }
            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    // Routing also answers /account/login/ (and any case): every spelling counts.
    private static bool IsSignIn(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.Value ?? "").TrimEnd('/').Equals(LoginPath, StringComparison.OrdinalIgnoreCase);

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
