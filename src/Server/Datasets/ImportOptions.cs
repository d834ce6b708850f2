using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// Seconds one image may take to read and normalise before it is skipped, so a file that never answers
    /// (a network share that hangs) cannot stop an import. Default 60: a large ISIC JPEG takes about a second.
    /// </summary>
    [Range(1, 3600)]
    public int FileTimeLimitSeconds { get; set; } = 60;

    /// <summary>
    /// Dataset builds and imports that run at once. Each uses every core, so more only share them; two keep
    /// one slow import from holding up the next. Default 2.
    /// </summary>
    [Range(1, 16)]
    public int ConcurrentJobs { get; set; } = 2;
}
