namespace MelanoGans.Server.Api;

/// <summary>Names of the personal-access-token authentication scheme of <c>/api/v1</c>.</summary>
public static class AccessTokenAuthentication
{
    public const string Scheme = "AccessToken";

    /// <summary>Claim type of the token's database id (the rate limiter's partition).</summary>
    public const string TokenIdClaim = "access_token_id";
}
