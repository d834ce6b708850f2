namespace MelanoGans.Server.Identity;

/// <summary>The account behind a call, as the database holds it at the moment of the call.</summary>
/// <param name="Id">Identity user id.</param>
/// <param name="UserName">The user name, as logs and "changed by" reasons show it.</param>
/// <param name="Roles">The roles the account holds now (not those in its cookie).</param>
public sealed record CallerAccount(string Id, string UserName, IReadOnlyList<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);
}
