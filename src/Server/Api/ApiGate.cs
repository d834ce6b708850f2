using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Api;

/// <summary>
/// The first check of every <c>/api/v1</c> request, after authentication and before anything reads the request: the
/// rate limit, then the token. A request with a valid token draws from its token's window
/// (<see cref="ApiOptions.PermitsPerTokenPerMinute"/>); an anonymous one, or one whose token failed, draws from its
/// client address's window (<see cref="ApiOptions.PermitsPerAddressPerMinute"/>) and is then answered 401. Either
/// way a request over its limit gets 429 with Retry-After, and no content type, route constraint or body is looked at
/// before the caller is known.
/// </summary>
internal sealed class ApiGate(IOptions<ApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("token:", StringComparison.Ordinal)
                ? options.Value.PermitsPerTokenPerMinute
                : options.Value.PermitsPerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var result = await http.AuthenticateAsync(AccessTokenAuthentication.Scheme);
        var tokenId = result.Succeeded ? result.Principal.FindFirst(AccessTokenAuthentication.TokenIdClaim)?.Value : null;
        var key = tokenId is not null ? "token:" + tokenId : "address:" + http.Connection.RemoteIpAddress;
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "60";
            var limit = tokenId is not null
                ? string.Create(CultureInfo.InvariantCulture, $"This token made more than {options.Value.PermitsPerTokenPerMinute} requests in a minute")
                : string.Create(CultureInfo.InvariantCulture, $"This address made more than {options.Value.PermitsPerAddressPerMinute} requests without a valid token in a minute");
            await ApiProblems.Write(http, StatusCodes.Status429TooManyRequests, "Too Many Requests", limit + "; wait, then try again.");
            return;
        }
        if (tokenId is null)
        {
            await http.ChallengeAsync(AccessTokenAuthentication.Scheme);
            return;
        }
        await next();
    }

    public void Dispose() => _limiter.Dispose();
}
