using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Server.Configuration;

/// <summary>Where the app keeps what it writes. Bound from the <c>Studio</c> section.</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>
    /// The data directory: SQLite file, image store, models and local run directories.
    /// Relative paths are resolved against the working directory the app was started from.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>File name of the SQLite database inside <see cref="DataDirectory"/>.</summary>
    [Required]
    public string DatabaseFile { get; set; } = "melanogans.db";

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    /// <summary>The SQLite connection string for the database file in the data directory.</summary>
    public string ConnectionString => $"Data Source={Path.Combine(DataDirectoryFullPath, DatabaseFile)};Cache=Shared";
}
