namespace MelanoGans.Training.Commands;

/// <summary>What the benchmarks need to know about the machine and the checkout they run from.</summary>
internal static class BenchHost
{
    /// <summary>The 1, 5 and 15 minute load averages, or null where /proc/loadavg cannot be read.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file given relative to the repository root (e.g. a Python reference script): as given when it
    /// exists from the working directory, else found by walking up from the binaries of a build.
    /// </summary>
    public static string? FindRepositoryFile(string relative)
    {
        if (File.Exists(relative)) return Path.GetFullPath(relative);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
