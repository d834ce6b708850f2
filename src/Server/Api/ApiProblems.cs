using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Api;

/// <summary>RFC 7807 problem details for every refusal of the API, with the reasons the pages show.</summary>
internal static class ApiProblems
{
    /// <summary>
    /// A failed operation: 400 naming the fields when the operation refused field values, 404 when the thing named in
    /// the URL does not exist, 409 when someone changed it first or its state forbids the action (the services'
    /// "This study ..." reasons), otherwise <paramref name="status"/>.
    /// </summary>
    public static IResult From(OperationResult result, int status)
    {
        if (result.FieldErrors is { Count: > 0 } fields)
            return TypedResults.ValidationProblem(fields, detail: string.Join(" ", result.Errors));
        var first = result.Errors.FirstOrDefault() ?? "";
        var code = first.StartsWith("No such ", StringComparison.Ordinal) ? StatusCodes.Status404NotFound
            : first.StartsWith("This study ", StringComparison.Ordinal) ? StatusCodes.Status409Conflict
            : status;
        // Every 400 has `errors`: a refusal the service did not tie to one field is the body's as a whole.
        if (code == StatusCodes.Status400BadRequest)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [.. result.Errors] }, detail: string.Join(" ", result.Errors));
        return Problem(code, string.Join(" ", result.Errors), result.Errors);
    }

    public static IResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, $"No such {what}.");

    public static IResult Problem(int status, string detail, IReadOnlyList<string>? reasons = null) =>
        TypedResults.Problem(detail, statusCode: status, extensions: reasons is { Count: > 1 }
            ? new Dictionary<string, object?> { ["reasons"] = reasons }
            : null);

    /// <summary>A 400 naming the fields at fault (<c>errors</c>: field to messages), as ASP.NET Core's validation problems do.</summary>
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    /// <summary>The problem document of a refusal the framework answered without a body (status-code pages).</summary>
    public static Task WriteStatusAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        var detail = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "No such endpoint or resource (ids are positive whole numbers; /api/docs lists the endpoints).",
            StatusCodes.Status405MethodNotAllowed => $"This endpoint does not take {http.Request.Method}; it takes {http.Response.Headers.Allow}.",
            StatusCodes.Status415UnsupportedMediaType => "The body's content type is not one this endpoint reads (/api/docs says which).",
            _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(http.Response.StatusCode),
        };
        return TypedResults.Problem(detail, statusCode: http.Response.StatusCode).ExecuteAsync(http);
    }

    /// <summary>Writes a problem outside an endpoint (authentication, rate limiting).</summary>
    public static Task Write(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
}
