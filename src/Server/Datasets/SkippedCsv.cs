using System.Text;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Server.Datasets;

/// <summary>The skip list as CSV: header <c>item,reason</c>, cells as <see cref="CsvCell"/> writes them (a file name may start with "=").</summary>
internal static class SkippedCsv
{
    public static string Write(IEnumerable<DatasetSkipView> skips)
    {
        var text = new StringBuilder("item,reason\n");
        foreach (var skip in skips)
            text.Append(CsvCell.Escape(skip.Item)).Append(',').Append(CsvCell.Escape(skip.Reason)).Append('\n');
        return text.ToString();
    }
}
