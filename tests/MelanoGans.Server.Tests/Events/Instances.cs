using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Events;

/// <summary>What the tests with server instances on Redis do with one instance: wait for its phantom, connect a worker.</summary>
internal static class Instances
{
    public static async Task<int> PhantomReadyAsync(StudioFactory factory) =>
        (await Eventually.ReturnsAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Kind == DatasetKind.Phantom);
        }, d => d?.State == DatasetState.Ready, TimeSpan.FromSeconds(60), "the phantom dataset"))!.Id;

    /// <summary>A worker's hub connection through the in-memory server of one instance (docs/design.md, "Platform notes").</summary>
    public static HubConnection WorkerConnection(StudioFactory instance, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(instance.Server.BaseAddress, TrainingHubContract.Path), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.HttpMessageHandlerFactory = _ => instance.Server.CreateHandler();
            options.WebSocketFactory = async (context, ct) =>
            {
                var client = instance.Server.CreateWebSocketClient();
                client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + token;
                return await client.ConnectAsync(context.Uri, ct);
            };
        })
        .Build();
}
