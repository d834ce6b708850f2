namespace MelanoGans.Shared.Contracts;

/// <summary>What an admin asks to import.</summary>
/// <param name="Name">Name of the new dataset (importing again under the same name resumes it).</param>
/// <param name="Folder">A folder under one of the configured import roots.</param>
/// <param name="CsvFile">The ground-truth or <c>file,label</c> CSV, inside <paramref name="Folder"/> or its parent.</param>
/// <param name="Resolution">Side of the square images after centre crop and resize.</param>
public sealed record DatasetImportRequest(string Name, DatasetImportFormat Format, string Folder, string CsvFile, int Resolution);
