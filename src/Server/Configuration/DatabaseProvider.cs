namespace MelanoGans.Server.Configuration;

/// <summary>Which database engine holds the studio's tables (<c>Studio:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file in the data directory: the default, for one instance on one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server named by <c>ConnectionStrings:Studio</c>: for several instances.</summary>
    Postgres,
}
