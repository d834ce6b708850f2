using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Data;

/// <summary>An account of the studio. Roles come from Identity's role tables.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>A disabled user cannot sign in; their answers and runs are kept.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
