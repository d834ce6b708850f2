namespace MelanoGans.Server.Models;

/// <summary>The model registry. Bound from <c>Studio:Models</c>.</summary>
public sealed class ModelOptions
{
    public const string Section = "Studio:Models";

    /// <summary>Register the shipped demo generator on start when it is not registered yet.</summary>
    public bool RegisterDemo { get; set; } = true;

    /// <summary>
    /// Folder holding the demo's <c>generator.onnx</c> + <c>generator.json</c>; empty means the copy the
    /// build places beside the binaries (<c>models/demo</c>, from the repository's <c>models/demo/</c>).
    /// </summary>
    public string DemoDirectory { get; set; } = "";

    /// <summary>
    /// Images the demo generator draws into the "Demo pool" on the first start (when the demo model has no pool yet), so
    /// a lead can set up a study without an admin generating first; 0 turns it off.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 10_000)]
    public int DemoPoolCount { get; set; } = 24;

    /// <summary>Largest ONNX file an admin may upload from the models page, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The demo folder as an absolute path.</summary>
    public string DemoDirectoryFullPath => string.IsNullOrWhiteSpace(DemoDirectory)
        ? Path.Combine(AppContext.BaseDirectory, "models", "demo")
        : Path.GetFullPath(DemoDirectory);
}
