using MelanoGans.Server.Hosting;

namespace MelanoGans.Server.Jobs;

/// <summary>Finds the trainer the local worker runs: configured path, the checkout's build or project, or a copy beside the server.</summary>
internal static class LocalWorkerLocator
{
    private const string Assembly = "melanogans.dll";

    /// <summary>The command to run, or null when there is none.</summary>
    public static LocalWorkerCommand? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? ForFile(Path.GetFullPath(configured)) : null;
        if (StudioPaths.FindRepositoryRoot() is { } root)
        {
            var project = Path.Combine(root, "src", "Training");
            var bin = Path.Combine(project, "bin");
            // Debug and Release builds may both exist: the newest one is what the developer built last.
            var newest = Directory.Exists(bin)
                ? Directory.EnumerateFiles(bin, Assembly, SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                : null;
            if (newest is not null) return ForFile(newest);
            // `dotnet run --project src/Server` does not build the trainer: build it on first use (once, slowly).
            var csproj = Path.Combine(project, "MelanoGans.Training.csproj");
            if (File.Exists(csproj)) return new LocalWorkerCommand("dotnet", ["run", "--project", csproj, "-c", "Release", "--"]);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, Assembly);
        return File.Exists(beside) ? ForFile(beside) : null;
    }

    private static LocalWorkerCommand ForFile(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new LocalWorkerCommand("dotnet", [path]) : new LocalWorkerCommand(path, []);
}
