using System.Security.Cryptography;

namespace MelanoGans.Server.Studies;

/// <summary>Random identifiers that carry no information: item ids, showing tokens and seeds.</summary>
internal static class StudyTokens
{
    /// <summary>Characters in a token.</summary>
    public const int Length = 32;

    /// <summary>
    /// 128 random bits as lowercase hex: unguessable, unrelated to the image, its source or its truth, and never
    /// starting with <c>- = + @</c> (Base64Url can), so a CSV export writes it as it is and it equals the URL's.
    /// </summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>True for something shaped like a token (so junk never reaches the database).</summary>
    public static bool IsToken(string? text) =>
        text is { Length: Length } && text.All(char.IsAsciiHexDigitLower);

    public static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
}
