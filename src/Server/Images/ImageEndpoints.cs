using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Images;

/// <summary>
/// <c>GET /api/images/{sha256}.png</c> for admins and leads: dataset and generated images by content
/// address, cacheable forever (the address is the content). Raters never use this route; study images
/// are served at opaque URLs by the studies feature.
/// </summary>
public static class ImageEndpoints
{
    public static WebApplicationBuilder AddStudioImages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImageStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/images/{sha256}.png", (string sha256, ImageStore store, HttpContext http) =>
            {
                if (!store.Contains(sha256)) return Results.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
                return Results.File(store.PathOf(sha256), "image/png");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Lead));
        return endpoints;
    }
}
