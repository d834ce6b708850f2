namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>The repository the tests run from (for the shipped demo generator under <c>models/demo/</c>).</summary>
public static class StudioRepository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MelanoGans.Web.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("the tests run outside the repository: MelanoGans.Web.sln not found above " + AppContext.BaseDirectory);
    }
}
