namespace MelanoGans.Training.Commands;

/// <summary>
/// A one-line progress bar on the error writer ("features real [#####-----] 1024/2000"), redrawn in place; the
/// output writer stays clean for <c>--json</c>.
/// </summary>
internal sealed class ConsoleProgressBar(TextWriter error, string label, int total) : IProgress<int>
{
    private const int Width = 30;
    private int last = -1;

    public void Report(int value)
    {
        var filled = total == 0 ? Width : (int)((long)Width * value / total);
        if (filled == last && value < total) return;
        last = filled;
        lock (error)
        {
            error.Write($"\r{label} [{new string('#', filled)}{new string('-', Width - filled)}] {value}/{total}");
            if (value >= total) error.WriteLine();
        }
    }
}
