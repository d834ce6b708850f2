namespace MelanoGans.Shared.Datasets;

/// <summary>One row of a <c>file,label</c> CSV with the label as written (any non-empty text, trimmed).</summary>
/// <param name="Line">The 1-based line it came from.</param>
/// <param name="File">Path relative to the CSV's folder, with '/' separators; never rooted, never containing "..".</param>
/// <param name="Label">The label text; <c>melanoma</c> is the positive class of the imbalance experiment.</param>
public sealed record LabelledPath(int Line, string File, string Label);
