using System.Security.Cryptography;
using System.Text;

namespace MelanoGans.Server.Training;

/// <summary>Worker tokens: 256 random bits, shown once, stored as SHA-256 (a leaked database reveals no token).</summary>
public static class WorkerTokenHasher
{
    /// <summary>Marks the string as a MelanoGANs worker token in logs and secret scanners.</summary>
    public const string Prefix = "mgw_";

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
