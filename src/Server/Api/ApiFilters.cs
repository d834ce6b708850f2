using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Api;

/// <summary>
/// What every <c>/api/v1</c> endpoint does around its handler (after <see cref="ApiGate"/> let the caller in): the
/// caller's principal handed to the page services' role guard, the 400 of a body that could not be read, and the
/// services' role refusals as 403 problems.
/// </summary>
internal sealed class ApiFilters : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The services' guard (CurrentUser) reads the caller from Blazor's authentication state, as on a circuit.
        if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider state)
            state.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));

        foreach (var argument in context.Arguments)
        {
            if (argument is IApiBody { Error: { } error, Field: { } field }) return ApiProblems.Invalid(field, error);
        }

        try
        {
            return await next(context);
        }
        catch (UnauthorizedAccessException e)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, e.Message);
        }
    }

    /// <summary>
    /// Checks integer query parameters before binding: a value that is no number is a 400 naming the parameter (the
    /// framework's own binding failure is a bare 400, or an exception in Development).
    /// </summary>
    public static async Task CheckQueryAsync(HttpContext http, Func<Task> next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (type != typeof(int) && type != typeof(long)) continue;
                if (parameter.Name is not { } name || http.Request.RouteValues.ContainsKey(name)) continue;
                if (!http.Request.Query.TryGetValue(name, out var values)) continue;
                if (values.Count == 1 && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    && (type == typeof(long) || number is >= int.MinValue and <= int.MaxValue))
                    continue;
                await ApiProblems.Invalid(name, $"'{name}' must be one whole number.").ExecuteAsync(http);
                return;
            }
        }
        await next();
    }
}
