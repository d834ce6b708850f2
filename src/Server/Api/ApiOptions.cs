using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Server.Api;

/// <summary>Limits of the REST API (<c>Studio:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Studio:Api";

    /// <summary>Requests per minute one token may make; more are answered 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerTokenPerMinute { get; set; } = 300;

    /// <summary>
    /// Requests per minute one client address may make without a valid token (none, unknown, revoked, expired); they
    /// are answered 401, and more than this 429: guessing tokens is as slow as guessing passwords at sign-in.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PermitsPerAddressPerMinute { get; set; } = 30;

    /// <summary>The largest JSON body the API reads; a larger one is refused with a 400 before it is parsed.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
