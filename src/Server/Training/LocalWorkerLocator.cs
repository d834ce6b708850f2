namespace MelanoGans.Server.Training;

/// <summary>Finds the trainer the local worker runs: configured path, the checkout's build, or a copy beside the server.</summary>
internal static class LocalWorkerLocator
{
    private const string Assembly = "melanogans.dll";

    /// <summary>The file to run, or null when there is none.</summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "MelanoGans.Web.sln"))) continue;
            var bin = Path.Combine(dir.FullName, "src", "Training", "bin");
            // Debug and Release builds may both exist: the newest one is what the developer built last.
            var newest = Directory.Exists(bin)
                ? Directory.EnumerateFiles(bin, Assembly, SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                : null;
            if (newest is not null) return newest;
            break;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, Assembly);
        return File.Exists(beside) ? beside : null;
    }
}
