using System.Globalization;

namespace MelanoGans.Client.Components.Experiments;

/// <summary>How the Experiments page writes plain numbers and wraps chart labels (metrics go through ClassifierMetrics and ExperimentTable, as results.md does).</summary>
public static class ExperimentFormat
{
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="text"/> broken at spaces into lines of at most <paramref name="width"/> characters (a longer word
    /// gets a line of its own, cut), at most <paramref name="lines"/> of them, the last ending in "…" when text is left.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int lines)
    {
        var result = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word.Length > width ? word[..(width - 1)] + "…" : word;
            if (current.Length > 0 && current.Length + 1 + piece.Length > width)
            {
                result.Add(current);
                current = "";
            }

            current = current.Length == 0 ? piece : current + " " + piece;
        }

        if (current.Length > 0) result.Add(current);
        if (result.Count <= lines) return result;
        var last = result[lines - 1];
        return [.. result.Take(lines - 1), (last.Length >= width ? last[..(width - 1)] : last).TrimEnd() + "…"];
    }
}
