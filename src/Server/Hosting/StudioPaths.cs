namespace MelanoGans.Server.Hosting;

/// <summary>Where the checkout is, when the server runs from one: its web root and its other projects.</summary>
public static class StudioPaths
{
    /// <summary>The folder holding <c>MelanoGans.Web.sln</c> above the binaries, or null for a published copy.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MelanoGans.Web.sln")))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>
    /// The repository's top-level <c>wwwroot</c> when running from a checkout, else the copy published next
    /// to the binaries.
    /// </summary>
    public static string FindWebRoot() =>
        Path.Combine(FindRepositoryRoot() ?? AppContext.BaseDirectory, "wwwroot");
}
