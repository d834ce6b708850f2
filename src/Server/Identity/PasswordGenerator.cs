using System.Security.Cryptography;

namespace MelanoGans.Server.Identity;

/// <summary>Random passwords that satisfy Identity's default rules (upper, lower, digit, symbol).</summary>
internal static class PasswordGenerator
{
    // No look-alikes (0/O, 1/l/I) so that a password read off a screen can be typed.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!?#";

    public static string Generate(int length = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 8);
        string[] sets = [Upper, Lower, Digits, Symbols];
        var all = string.Concat(sets);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var set = i < sets.Length ? sets[i] : all;
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
