using MelanoGans.Server.Jobs;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace MelanoGans.Server.Api;

/// <summary>
/// Personal access tokens: 256 random bits behind a prefix of their own, shown once, stored as SHA-256 like worker
/// tokens (a leaked database reveals no token).
/// </summary>
public static class AccessTokenHasher
{
    /// <summary>Marks the string as a MelanoGANs personal token in logs and secret scanners (workers' is <c>mgw_</c>).</summary>
    public const string Prefix = "mgp_";

    public const int MaxNameLength = 100;

    /// <summary>Length of a token: the prefix and 32 bytes in unpadded base64url.</summary>
    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(32);

    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => WorkerTokenHasher.Hash(token);

    /// <summary>Whether <paramref name="token"/> looks like a personal token at all (anything else is refused unread).</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == Length && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;
}
