using System.Text.Json;
using MelanoGans.Shared.Statistics;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MelanoGans.Server.Api;

/// <summary>The OpenAPI document of <c>/api/v1</c>: only its endpoints, the bearer scheme, and the schemas as sent.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true
                                               || description.RelativePath == "api/v1";
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "MelanoGANs Studio API",
                Version = "v1",
                Description = "Studies, ratings, statistics, datasets, models, training jobs and users, through the same services "
                              + "as the pages. Authenticate with `Authorization: Bearer mgp_...`: a personal access token from "
                              + "your account page (/account/tokens). A token acts with its owner's roles at each request.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[AccessTokenAuthentication.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (mgp_...) from the account page.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(AccessTokenAuthentication.Scheme, document)] = [],
            });
            return Task.CompletedTask;
        });
        // The statistics report is sent as `melanogans stats --json` prints it: snake_case names.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type.Namespace == typeof(StudyReport).Namespace && schema.Properties is { Count: > 0 } properties)
            {
                foreach (var name in properties.Keys.ToList())
                {
                    var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
                    if (snake == name) continue;
                    properties[snake] = properties[name];
                    properties.Remove(name);
                }
                if (schema.Required is { Count: > 0 } required)
                    schema.Required = required.Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToHashSet();
            }
            return Task.CompletedTask;
        });
    }
}
