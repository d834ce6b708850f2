using System.Buffers.Text;
using System.Security.Cryptography;
using MelanoGans.Shared.Imaging;
using System.Text;

namespace MelanoGans.Server.Jobs;

/// <summary>Worker tokens: 256 random bits, shown once, stored as SHA-256 (a leaked database reveals no token).</summary>
public static class WorkerTokenHasher
{
    /// <summary>Marks the string as a MelanoGANs worker token in logs and secret scanners.</summary>
    public const string Prefix = "mgw_";

    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => ContentAddress.Sha256Hex(Encoding.UTF8.GetBytes(token));
}
