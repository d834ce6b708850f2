using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MelanoGans.Client;

/// <summary>Services the pages need besides the server's implementations of <c>Services/</c>.</summary>
public static class ClientServiceCollectionExtensions
{
    public static IServiceCollection AddStudioClient(this IServiceCollection services)
    {
        services.AddMudServices();
        return services;
    }
}
