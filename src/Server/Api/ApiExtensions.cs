using MelanoGans.Client.Services;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace MelanoGans.Server.Api;

/// <summary>
/// The REST API: personal access tokens (the account page's service and the <c>Bearer mgp_...</c> scheme),
/// <c>/api/v1</c> over the pages' services, its OpenAPI document at <c>/openapi/v1.json</c> and the reference page
/// at <c>/api/docs</c>.
/// </summary>
public static class ApiExtensions
{
    public const string Prefix = "/api/v1";

    public const string DocsPath = "/api/docs";

    public const string DocumentPath = "/openapi/v1.json";

    public static WebApplicationBuilder AddStudioApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthentication.Scheme, null);
        services.AddScoped<IAccessTokens, AccessTokens>();
        services.AddSingleton<ApiGate>();
        // Enums travel by name in responses and in the document; numbers are still read (the workers' endpoints).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", ApiDocument.Configure);
        return builder;
    }

    /// <summary>
    /// The API's gate (rate limits, then the token), between authentication and authorization: nothing of the request
    /// is read for a caller who is not known.
    /// </summary>
    public static IApplicationBuilder UseStudioApiGate(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Prefix),
            api => api.Use((http, next) => http.RequestServices.GetRequiredService<ApiGate>().InvokeAsync(http, () => next(http))));

    /// <summary>Checks the API's integer query parameters (after routing and authorization, before binding).</summary>
    public static WebApplication UseStudioApi(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Prefix), api => api.Use((http, next) => ApiFilters.CheckQueryAsync(http, () => next(http))));
        return app;
    }

    /// <summary>
    /// The roles an endpoint (or group) is for, checked by the authorization middleware before the body is bound: a
    /// caller without them gets 403, whatever they sent. The pages' services check again (<c>CurrentUser</c>).
    /// </summary>
    public static TBuilder ForRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccessTokenAuthentication.Scheme).RequireRole(roles));

    public static IEndpointRouteBuilder MapStudioApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccessTokenAuthentication.Scheme).RequireAuthenticatedUser())
            .AddEndpointFilter<ApiFilters>()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        StudyApiEndpoints.Map(api);
        CatalogApiEndpoints.Map(api);
        TrainingApiEndpoints.Map(api);

        // The description is public: it holds no data, and the reference page reads it.
        endpoints.MapOpenApi(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal));
        endpoints.MapScalarApiReference(DocsPath, options => options
            .WithTitle("MelanoGANs Studio API")
            .WithOpenApiRoutePattern(DocumentPath)
            .AddPreferredSecuritySchemes(AccessTokenAuthentication.Scheme)
            // Nothing from elsewhere: no CDN fonts, no telemetry, no AI agent; a per-request nonce for its inline script.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .WithNonce());
        return endpoints;
    }
}
