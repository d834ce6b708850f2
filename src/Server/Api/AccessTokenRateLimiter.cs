using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Api;

/// <summary>
/// The per-token request limit of <c>/api/v1</c> (a fixed window a minute per token, ASP.NET Core's rate-limiting
/// primitives). A singleton: every endpoint draws from the same window of a token. It partitions by token id, which
/// only authentication knows, so it runs as an endpoint filter rather than as the rate-limiting middleware (that
/// one runs before authentication and carries the sign-in limits).
/// </summary>
internal sealed class AccessTokenRateLimiter(IOptions<ApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(tokenId =>
        RateLimitPartition.GetFixedWindowLimiter(tokenId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitsPerTokenPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string tokenId) => _limiter.AttemptAcquire(tokenId);

    public void Dispose() => _limiter.Dispose();
}
