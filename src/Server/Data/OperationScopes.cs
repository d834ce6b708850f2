namespace MelanoGans.Server.Data;

/// <summary>
/// Runs one operation of a circuit-facing service with a request-scoped service (one that holds a context, like
/// the training coordinator) resolved in a scope of its own: the context lives as long as the operation, not as
/// long as the circuit.
/// </summary>
public sealed class OperationScopes(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> operation) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
