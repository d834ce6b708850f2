using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Api;

/// <summary>
/// A JSON request body read with the API's rules: at most <see cref="ApiOptions.MaxBodyBytes"/>, no unknown or ignored
/// fields, no field twice, no control or text-direction characters (<see cref="JsonBodyScan"/>), every value of its
/// field's type. A body that breaks one is not bound; <see cref="ApiFilters"/> answers the 400
/// naming the field before the handler runs. The body type is declared for the OpenAPI document.
/// </summary>
public sealed partial class ApiBody<T> : IApiBody, IEndpointParameterMetadataProvider where T : class
{
    private static readonly IReadOnlySet<string> Ignored = ApiJson.IgnoredFields(typeof(T));

    private ApiBody(T? value, string? field, string? error)
    {
        Value = value!;
        Field = field;
        Error = error;
    }

    /// <summary>The body; only read by handlers, which run when there was no <see cref="Error"/>.</summary>
    public T Value { get; }

    /// <summary>The field at fault (<c>body</c> for the body as a whole); null when the body was read.</summary>
    public string? Field { get; }

    public string? Error { get; }

    public static async ValueTask<ApiBody<T>> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        if (!http.Request.HasJsonContentType()) return Fail("body", "Send the body as JSON (Content-Type: application/json).");
        if (http.Request.ContentLength > limit) return TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            // Chunked bodies have no length up front: stop reading at the limit.
            if (buffer.Length + read > limit) return TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (JsonBodyScan.FirstOffence(json, Ignored) is { } offence) return Fail(offence.Field, offence.Reason);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
            return value is null ? Fail("body", "The body is empty; send a JSON object.") : new ApiBody<T>(value, null, null);
        }
        catch (JsonException e)
        {
            return FromJsonError(e);
        }
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));

    private static ApiBody<T> FromJsonError(JsonException e)
    {
        // "$.pools[0].count" -> "pools[0].count"; for an unknown field the path is the field's own.
        var path = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "";
        if (path.Length == 0) return Fail("body", "The body is not a JSON object of this request.");
        if (UnknownField().IsMatch(e.Message)) return Fail(path, $"'{path}' is not a field of this request.");
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) || e.Message.Contains("null", StringComparison.Ordinal))
            return Fail(path, $"'{path}' has a value of the wrong type or format.");
        // A syntax error: the JSON itself is broken (cut off, a stray character), near the field named.
        return Fail("body", $"The body is not valid JSON (line {e.LineNumber + 1}, near '{path}').");
    }

    private static ApiBody<T> TooLarge(int limit) => Fail("body", $"The body is larger than the limit of {limit} bytes.");

    private static ApiBody<T> Fail(string field, string error) => new(null, field, error);

    [GeneratedRegex("The JSON property '[^']*' could not be mapped")]
    private static partial Regex UnknownField();
}
