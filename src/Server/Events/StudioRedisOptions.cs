using Microsoft.Extensions.Configuration;

namespace MelanoGans.Server.Events;

/// <summary>
/// Redis for running several instances of the studio behind one address. Bound from the <c>Studio</c> section
/// (environment: <c>Studio__Redis</c>).
/// </summary>
public sealed class StudioRedisOptions
{
    /// <summary>
    /// A StackExchange.Redis connection string (<c>host:6379,password=...,ssl=true</c>; add <c>channelPrefix=NAME</c>
    /// when several studios share one Redis). When set, SignalR uses Redis as its backplane and the event bus's
    /// notifications reach every instance; the start is refused when Redis cannot be reached. Empty: one instance,
    /// everything in process.
    /// </summary>
    [ConfigurationKeyName("Redis")]
    public string? ConnectionString { get; set; }

    /// <summary>True when a connection string is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// Reconnection after an outage for both Redis clients (the event bus's and the backplane's): retries every 0.5 s
    /// growing to at most 5 s, so notifications cross again within seconds of Redis coming back. With the client's own
    /// default back-off the backplane had not carried a hub message 60 s after Redis returned in one loaded CI run.
    /// </summary>
    public static void Tune(StackExchange.Redis.ConfigurationOptions configuration) =>
        configuration.ReconnectRetryPolicy = new StackExchange.Redis.ExponentialRetry(500, 5000);
}
