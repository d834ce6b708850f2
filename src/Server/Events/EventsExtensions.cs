using MelanoGans.Shared.Contracts.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MelanoGans.Server.Events;

/// <summary>
/// The typed event bus every live page listens to and, with <c>Studio:Redis</c>, what lets several instances serve one
/// studio: the bus's events and SignalR's hub messages cross instances through Redis.
/// </summary>
public static class EventsExtensions
{
    public static WebApplicationBuilder AddStudioEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StudioRedisOptions>().BindConfiguration("Studio")
            .Validate(o => !o.Enabled || IsConnectionString(o.ConnectionString!), "Studio:Redis is not a Redis connection string (host:port[,option=value...])")
            .ValidateOnStart();
        services.AddSingleton<RedisEventTransport>();
        services.AddSingleton<IStudioEventTransport>(s => s.GetRequiredService<RedisEventTransport>());
        services.AddSingleton<StudioEventBus>();
        services.AddSingleton<IStudioEvents>(s => s.GetRequiredService<StudioEventBus>());
        services.AddSingleton<ILocalStudioEvents>(s => s.GetRequiredService<StudioEventBus>());
        // Where every long job (imports, generation, worker jobs) reports its progress.
        services.AddSingleton<JobProgressNotifier>();
        services.AddSingleton<IJobProgressFeed>(sp => sp.GetRequiredService<JobProgressNotifier>());

        // The hub lifetime manager is chosen while services are registered, so this one setting is read now.
        var redis = builder.Configuration.GetSection("Studio").Get<StudioRedisOptions>();
        if (redis is { Enabled: true } && IsConnectionString(redis.ConnectionString!))
        {
            // Messages to a worker (cancel, "a job is queued") reach it whichever instance it is connected to.
            // A channelPrefix in the connection string separates studios sharing one Redis, for both channels.
            // While Redis is away a hub message waits for it up to the client's timeout (5 s), then fails; its sender logs that.
            services.AddSignalR().AddStackExchangeRedis(redis.ConnectionString!, o =>
            {
                o.Configuration.AbortOnConnectFail = false;
                StudioRedisOptions.Tune(o.Configuration);
            });
        }

        return builder;
    }

    /// <summary>
    /// Connects the bus to Redis when <c>Studio:Redis</c> is set; throws a <see cref="Hosting.StartupRefusedException"/>
    /// when it cannot be reached. Run on start, before the server accepts connections.
    /// </summary>
    public static async Task ConnectStudioEventsAsync(this IServiceProvider services)
    {
        await services.GetRequiredService<RedisEventTransport>().ConnectAsync();
        // The bus subscribes to the transport when created: from now on, other instances' events reach this one.
        _ = services.GetRequiredService<IStudioEvents>();
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
