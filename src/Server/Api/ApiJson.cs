using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanoGans.Server.Api;

/// <summary>
/// The API's JSON: web defaults (camelCase), enums as names, and no field the type does not read: a misspelt field, or
/// one the type ignores (a server-set <c>kind</c>), is a 400 naming it, not a value silently left at its default.
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

    /// <summary>
    /// The JSON names of <paramref name="type"/>'s properties marked <c>[JsonIgnore]</c>: the serializer counts them as
    /// known, so the unknown-field rule lets them through and drops their value without a word; the body scan refuses them.
    /// </summary>
    public static IReadOnlySet<string> IgnoredFields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            .Select(p => Options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name)
            .ToHashSet(StringComparer.Ordinal);
}
