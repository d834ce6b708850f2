using MelanoGans.Server.Hosting;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MelanoGans.Server.Events;

/// <summary>
/// The event bus across instances: every instance publishes its events on one Redis pub/sub channel, tagged with its
/// own id, and delivers the others' to its local subscribers.
/// </summary>
/// <remarks>
/// Why Redis pub/sub and not PostgreSQL LISTEN/NOTIFY: the SignalR backplane needs Redis anyway, so one mechanism
/// serves both; it works whichever database provider is configured (SQLite included); NOTIFY payloads are limited
/// to 8000 bytes (a training update with its report can be larger) and hold a connection per instance out of the
/// database's pool. Delivery is at most once, like the in-process bus: events tell live pages to refresh, the
/// database stays the truth, and a page that missed one while Redis was away catches up on the next.
/// </remarks>
internal sealed partial class RedisEventTransport(IOptions<StudioRedisOptions> options, ILogger<RedisEventTransport> logger)
    : IStudioEventTransport, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("melanogans:events");

    private ConnectionMultiplexer? _redis;
    private Action<IStudioEvent>? _deliver;
    private int _degraded;

    /// <summary>This instance's id on the channel, so it skips its own events (its subscribers had them already).</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>True while events cross instances (configured, connected and subscribed).</summary>
    public bool Connected => _redis is { IsConnected: true } && Volatile.Read(ref _degraded) == 0;

    /// <summary>
    /// Connects and subscribes, once, at start-up; nothing when <see cref="StudioRedisOptions.ConnectionString"/> is
    /// empty. An unreachable Redis refuses the start; after that, outages are survived (see <see cref="Send"/>).
    /// </summary>
    public async Task ConnectAsync()
    {
        if (!options.Value.Enabled || _redis is not null) return;
        var config = ConfigurationOptions.Parse(options.Value.ConnectionString!);
        // Refuse to start without Redis: instances that silently cannot see each other are worse than one that says so.
        config.AbortOnConnectFail = true;
        config.ClientName ??= "melanogans-studio";
        StudioRedisOptions.Tune(config);
        var endPoints = string.Join(", ", config.EndPoints);
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(config);
            _redis.ConnectionFailed += (_, e) => OnLost(e);
            _redis.ConnectionRestored += (_, e) => OnRestored(e);
            // A queue, not a plain handler, so one instance's events arrive in the order it published them.
            (await _redis.GetSubscriber().SubscribeAsync(Channel)).OnMessage(OnMessage);
        }
        catch (RedisConnectionException e)
        {
            throw new StartupRefusedException($"Studio:Redis: cannot connect to Redis at {endPoints} ({e.FailureType}): start Redis or correct the setting.", e);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new StartupRefusedException($"Studio:Redis: Redis at {endPoints} did not accept the subscription ({e.Message})", e);
        }

        LogConnected(endPoints, InstanceId);
    }

    public void Send(IStudioEvent e)
    {
        if (_redis is not { } redis) return;
        // While Redis is away a notification is dropped, not queued to arrive stale later: pages refresh on the next one.
        if (!redis.IsConnected)
        {
            OnLost(null);
            return;
        }

        string message;
        try
        {
            message = StudioEventSerializer.Serialize(InstanceId, e);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or System.Text.Json.JsonException)
        {
            // A bug (StudioEventSerializerTests round-trip every event of Shared), never the publisher's problem.
            LogNotSendable(ex, e.GetType().Name);
            return;
        }

        try
        {
            redis.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            OnLost(ex);
        }
    }

    public IDisposable Receive(Action<IStudioEvent> deliver)
    {
        _deliver = deliver;
        return new Receiver(this, deliver);
    }

    private void OnMessage(ChannelMessage message)
    {
        try
        {
            var (instance, e) = StudioEventSerializer.Deserialize(message.Message.ToString());
            if (instance == InstanceId) return;
            if (e is null)
            {
                LogUnknownEvent(instance);
                return;
            }

            _deliver?.Invoke(e);
        }
        catch (Exception ex)
        {
            // A malformed message from another (older or newer) instance must not end the subscription.
            LogUnreadable(ex);
        }
    }

    private void OnLost(object? cause)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0) LogLost(Describe(cause));
    }

    private void OnRestored(ConnectionFailedEventArgs e)
    {
        // Both of the multiplexer's connections (commands and subscriptions) must be back; it re-subscribes by itself.
        if (_redis is { IsConnected: true } && Interlocked.Exchange(ref _degraded, 0) == 1) LogRestored(e.EndPoint?.ToString() ?? "?");
    }

    private static string Describe(object? cause) => cause switch
    {
        ConnectionFailedEventArgs e => $"{e.ConnectionType} connection to {e.EndPoint}: {e.FailureType}",
        Exception ex => ex.Message,
        _ => "not connected",
    };

    // Closing the connection ends the subscription on the server too; no command that could wait for a lost Redis.
    public ValueTask DisposeAsync() => _redis?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class Receiver(RedisEventTransport transport, Action<IStudioEvent> deliver) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref transport._deliver, null, deliver);
    }

    [LoggerMessage(LogLevel.Information, "Events cross instances through Redis at {EndPoints} (this instance: {Instance})")]
    private partial void LogConnected(string endPoints, string instance);

    [LoggerMessage(LogLevel.Warning, "Redis is unreachable ({Cause}): notifications reach only this instance's pages until it is back")]
    private partial void LogLost(string cause);

    [LoggerMessage(LogLevel.Information, "Redis is back ({EndPoint}): notifications cross instances again")]
    private partial void LogRestored(string endPoint);

    [LoggerMessage(LogLevel.Warning, "An event from instance {Instance} has a type this instance does not know; skipped")]
    private partial void LogUnknownEvent(string instance);

    [LoggerMessage(LogLevel.Error, "A {Event} cannot be sent to the other instances; only this instance's pages hear it")]
    private partial void LogNotSendable(Exception exception, string @event);

    [LoggerMessage(LogLevel.Error, "An event message from Redis could not be read; skipped")]
    private partial void LogUnreadable(Exception exception);
}
