namespace MelanoGans.Server.Hosting;

/// <summary>Finds the repository's top-level <c>wwwroot/</c>, which is the server's web root.</summary>
public static class StudioPaths
{
    /// <summary>
    /// The <c>wwwroot</c> beside <c>MelanoGans.Web.sln</c> when running from a checkout (found by
    /// walking up from the binaries), else the copy published next to the binaries.
    /// </summary>
    public static string FindWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MelanoGans.Web.sln")))
                return Path.Combine(dir.FullName, "wwwroot");
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }
}
