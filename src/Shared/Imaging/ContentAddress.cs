using System.Security.Cryptography;

namespace MelanoGans.Shared.Imaging;

/// <summary>Content addresses of stored files: the lower-case hex SHA-256 of their bytes.</summary>
public static class ContentAddress
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="data"/> (64 characters).</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Lower-case hex SHA-256 of the rest of <paramref name="stream"/>.</summary>
    public static string Sha256Hex(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>Where the server serves a stored image to users with the right to see it (relative to the app's base).</summary>
    public static string ImageUrl(string sha256) => $"api/images/{sha256}.png";

    /// <summary>True when <paramref name="text"/> is a lower-case hex SHA-256, safe to use as a file name.</summary>
    public static bool IsSha256Hex(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
