namespace MelanoGans.Server.Configuration;

/// <summary>
/// The database the studio uses. Bound from <c>Studio:Database</c>; the PostgreSQL connection string comes from
/// <c>ConnectionStrings:Studio</c> (the usual place, so secrets stores and environment variables such as
/// <c>ConnectionStrings__Studio</c> work as they do for any ASP.NET Core app).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Studio:Database";

    /// <summary>The name of the connection string under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Studio";

    /// <summary><c>sqlite</c> (default: the file in the data directory) or <c>postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (required for <c>postgres</c>, ignored for <c>sqlite</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a starting instance waits for another one to finish its migrations and seeding.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int StartLockTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// With several instances on PostgreSQL: how often each looks for what an instance that stopped or died (its lock
    /// is free) held (claimed jobs, connected workers, a study half frozen), to give it back.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int InstanceCheckSeconds { get; set; } = 10;
}
