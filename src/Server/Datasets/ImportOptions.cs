namespace MelanoGans.Server.Datasets;

/// <summary>
/// Where admins may import datasets from in the browser. Bound from <c>Studio:Import</c>. Only folders
/// under these roots are offered or accepted, so the browser cannot read arbitrary server paths.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Studio:Import";

    /// <summary>Import roots; relative paths are resolved against the data directory. Default: <c>imports</c>.</summary>
    public List<string> Roots { get; set; } = [];
}
