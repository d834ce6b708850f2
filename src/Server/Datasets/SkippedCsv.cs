using System.Text;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Datasets;

/// <summary>The skip list as CSV (RFC 4180): header <c>item,reason</c>, fields quoted when they need it.</summary>
internal static class SkippedCsv
{
    public static string Write(IEnumerable<DatasetSkipView> skips)
    {
        var text = new StringBuilder("item,reason\n");
        foreach (var skip in skips)
            text.Append(Field(skip.Item)).Append(',').Append(Field(skip.Reason)).Append('\n');
        return text.ToString();
    }

    // File names may hold commas, quotes or line breaks.
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
