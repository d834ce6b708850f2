using System.Buffers.Text;
using System.Security.Cryptography;

namespace MelanoGans.Server.Studies;

/// <summary>Random identifiers that carry no information: item tokens and seeds.</summary>
internal static class StudyTokens
{
    /// <summary>192 random bits, URL-safe: unguessable, and unrelated to the image, its source or its truth.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>True for something shaped like a token (so junk never reaches the database).</summary>
    public static bool IsToken(string? text) =>
        text is { Length: 32 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
}
