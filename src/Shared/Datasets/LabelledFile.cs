namespace MelanoGans.Shared.Datasets;

/// <summary>One row of a generic <c>file,label</c> CSV.</summary>
/// <param name="Line">The 1-based line it came from.</param>
/// <param name="File">Path relative to the CSV's folder, with '/' separators; never rooted, never containing "..".</param>
/// <param name="Class">The parsed label.</param>
public sealed record LabelledFile(int Line, string File, LesionClass Class);
