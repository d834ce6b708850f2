using MelanoGans.Server.Api;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Api;

/// <summary>Every <c>/api/v1</c> endpoint as the server maps it, and the roles that may use it.</summary>
public static class ApiEndpointCatalog
{
    /// <summary>
    /// The endpoints the tests expect, with the roles that open them (from the page service behind each).
    /// <see cref="ApiEndpointRoleTests.The_table_lists_exactly_the_mapped_endpoints"/> keeps it equal to what is mapped.
    /// </summary>
    public static TheoryData<string, string> Endpoints { get; } = new()
    {
        { "GET", "/api/v1/studies" }, { "GET", "/api/v1/studies/setup-options" }, { "GET", "/api/v1/studies/{id}" },
        { "POST", "/api/v1/studies" }, { "PUT", "/api/v1/studies/{id}" }, { "POST", "/api/v1/studies/{id}/start" },
        { "POST", "/api/v1/studies/{id}/pause" }, { "POST", "/api/v1/studies/{id}/reopen" }, { "POST", "/api/v1/studies/{id}/close" },
        { "POST", "/api/v1/studies/{id}/clone" }, { "POST", "/api/v1/studies/{id}/raters" },
        { "PUT", "/api/v1/studies/{id}/leads" },
        { "GET", "/api/v1/studies/{id}/ratings.csv" }, { "GET", "/api/v1/studies/{id}/ratings" }, { "GET", "/api/v1/studies/{id}/statistics" },
        { "GET", "/api/v1/datasets" }, { "GET", "/api/v1/datasets/{id}" },
        { "GET", "/api/v1/datasets/import-folders" }, { "POST", "/api/v1/datasets/imports" },
        { "GET", "/api/v1/models" }, { "GET", "/api/v1/models/{id}" }, { "POST", "/api/v1/models" },
        { "GET", "/api/v1/models/{id}/files/{file}" }, { "POST", "/api/v1/models/{id}/generate" },
        { "GET", "/api/v1/pools" }, { "POST", "/api/v1/pools/{id}/cancel" },
        { "GET", "/api/v1/training-jobs" }, { "GET", "/api/v1/training-jobs/{id}" }, { "POST", "/api/v1/training-jobs" },
        { "POST", "/api/v1/training-jobs/{id}/cancel" },
        { "GET", "/api/v1/users" },
    };

    /// <summary>
    /// Studies and reading datasets are the leads' (and admins'); imports, models, pools, training and users the
    /// admins' only.
    /// </summary>
    public static IReadOnlyList<string> AllowedRoles(string method, string path) =>
        path.StartsWith("/api/v1/studies", StringComparison.Ordinal)
        || (path is "/api/v1/datasets" or "/api/v1/datasets/{id}" && method == "GET")
            ? [Roles.Lead, Roles.Admin]
            : [Roles.Admin];

    /// <summary>Method and path (route constraints dropped, no trailing slash) of every endpoint mapped under /api/v1.</summary>
    public static IReadOnlyList<(string Method, string Path)> Mapped(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiExtensions.Prefix + "/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, Normalise(e.RoutePattern.RawText!))))
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)
            .ToList();

    /// <summary><c>/api/v1/studies/{id:int}/</c> -> <c>/api/v1/studies/{id}</c>.</summary>
    public static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):\w+\}", "{$1}").TrimEnd('/');

    /// <summary>The path with ids filled in.</summary>
    public static string Url(string path, int studyId) => path.Replace("/studies/{id}", $"/studies/{studyId}", StringComparison.Ordinal)
        .Replace("{id}", "1", StringComparison.Ordinal).Replace("{file}", "generator.json", StringComparison.Ordinal);
}
