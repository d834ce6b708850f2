namespace MelanoGans.Shared.Contracts;

/// <summary>A folder under an import root that holds images and at least one CSV.</summary>
public sealed record ImportFolderCandidate(string Folder, IReadOnlyList<ImportCsvFile> CsvFiles, int ImageFiles);
