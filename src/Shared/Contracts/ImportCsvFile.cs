namespace MelanoGans.Shared.Contracts;

/// <summary>A CSV offered for import and the layout its header suggests (null when it fits neither).</summary>
public sealed record ImportCsvFile(string Path, DatasetImportFormat? DetectedFormat);
