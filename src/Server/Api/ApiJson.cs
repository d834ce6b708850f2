using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanoGans.Server.Api;

/// <summary>
/// The API's JSON: web defaults (camelCase), enums as names, and no field the type does not have: a misspelt field
/// is a 400 naming it, not a value silently left at its default.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A null where the type has none ("pools": null) is a 400 naming the field, not a crash in the service.
        options.RespectNullableAnnotations = true;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter)) options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
