namespace MelanoGans.Shared.Contracts;

/// <summary>The three roles of the product. A user may hold several.</summary>
public static class Roles
{
    /// <summary>Imports datasets, trains and generates, manages users and workers.</summary>
    public const string Admin = "Admin";

    /// <summary>Sets up studies and reads their statistics.</summary>
    public const string Lead = "Lead";

    /// <summary>Rates study images in blinded Turing tests.</summary>
    public const string Rater = "Rater";

    /// <summary>All roles, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Lead, Rater];
}
