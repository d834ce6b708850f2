using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MelanoGans.Server.Data.Copy;

/// <summary>
/// A checksum of a table's content that does not depend on the engine: the model's values (after the value converters
/// both providers share) of every column, properties in name order, rows in primary-key order, each value written in
/// one invariant form. Times without a converter are compared at the microsecond, PostgreSQL's resolution.
/// </summary>
internal static class TableChecksum
{
    public static string Compute(IEntityType type, IEnumerable<EntityEntry> rows)
    {
        var properties = type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            foreach (var property in properties)
                line.Append(property.Name).Append('=').Append(Canonical(row.Property(property.Name).CurrentValue)).Append('\u001f');
            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Rows in primary-key order (ordinal for strings), so both sides hash the same sequence.</summary>
    public static List<EntityEntry> InKeyOrder(IEntityType type, IEnumerable<EntityEntry> rows)
    {
        var key = type.FindPrimaryKey()!.Properties;
        var list = rows.ToList();
        list.Sort((a, b) =>
        {
            foreach (var part in key)
            {
                var c = Compare(a.Property(part.Name).CurrentValue, b.Property(part.Name).CurrentValue);
                if (c != 0) return c;
            }
            return 0;
        });
        return list;
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => Comparer<object>.Default.Compare(a, b),
    };

    private static string Canonical(object? value) => value switch
    {
        null => "\u2205",
        string s => JsonSerializer.Serialize(s),
        DateTimeOffset t => (t.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        DateTime t => (t.ToUniversalTime().Ticks / 10).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        IEnumerable sequence => JsonSerializer.Serialize(sequence),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
