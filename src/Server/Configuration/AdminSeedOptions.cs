using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Server.Configuration;

/// <summary>
/// The first administrator, created when the database has no users. Bound from <c>Studio:Admin</c>
/// (environment: <c>Studio__Admin__UserName</c>, <c>Studio__Admin__Password</c>).
/// </summary>
public sealed class AdminSeedOptions
{
    public const string Section = "Studio:Admin";

    /// <summary>User name of the first administrator.</summary>
    [Required, MinLength(1)]
    public string UserName { get; set; } = "admin";

    /// <summary>
    /// Password of the first administrator. When empty a random one is generated and printed once to
    /// the console.
    /// </summary>
    public string? Password { get; set; }
}
