using System.Globalization;
using System.Security.Claims;

namespace MelanoGans.Server.Jobs;

/// <summary>Reads the worker token id from a worker's principal.</summary>
internal static class WorkerClaims
{
    public static int TokenId(ClaimsPrincipal? user) =>
        int.Parse(user?.FindFirstValue(WorkerTokenAuthentication.TokenIdClaim)
            ?? throw new UnauthorizedAccessException("Not a worker."), CultureInfo.InvariantCulture);
}
