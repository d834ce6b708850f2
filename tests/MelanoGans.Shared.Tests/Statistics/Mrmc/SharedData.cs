namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>
/// The reference data that lives beside the repository, not in it (<c>../shared/data</c> of the checkout, or
/// MELANOGANS_SHARED_DATA): tests read it there and skip with the reason where it is absent.
/// </summary>
internal static class SharedData
{
    /// <summary>The data folder, or null when this machine has none.</summary>
    public static string? Folder { get; } = Find();

    /// <summary>The path of <paramref name="relative"/> under the data folder; skips the test when it is missing.</summary>
    public static string Require(string relative)
    {
        var path = Folder is null ? null : Path.Combine(Folder, relative);
        Assert.SkipWhen(path is null || !File.Exists(path),
            $"{relative} is not on this machine: the reference data lives in ../shared/data beside the checkout (or MELANOGANS_SHARED_DATA), never in the repository.");
        return path!;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("MELANOGANS_SHARED_DATA") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "MelanoGans.Web.sln"))) return Path.GetFullPath(candidate);
        }

        return null;
    }
}
