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
}
