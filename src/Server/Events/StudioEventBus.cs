using System.Collections.Immutable;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// The implementation of <see cref="IStudioEvents"/>: subscribers by event type in immutable lists, so publishing never
/// takes a lock and a subscriber may unsubscribe from inside its handler. With a transport (Redis, when configured),
/// a publish also goes to the other instances, and theirs arrive here; local subscribers always hear first.
/// </summary>
internal sealed class StudioEventBus : IStudioEvents, IDisposable
{
    private readonly ILogger<StudioEventBus> _logger;
    private readonly IStudioEventTransport? _transport;
    private readonly IDisposable? _receiving;
    private ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>> _handlers = ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>>.Empty;

    public StudioEventBus(ILogger<StudioEventBus> logger, IStudioEventTransport? transport = null)
    {
        _logger = logger;
        _transport = transport;
        _receiving = transport?.Receive(Deliver);
    }

    public IDisposable Subscribe<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Action<IStudioEvent> typed = e => handler((TEvent)e);
        ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), [typed], (_, list) => list.Add(typed));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), [], (_, list) => list.Remove(typed)));
    }

    public void Publish<TEvent>(TEvent e) where TEvent : IStudioEvent
    {
        ArgumentNullException.ThrowIfNull(e);
        Deliver(e);
        _transport?.Send(e);
    }

    /// <summary>Calls this instance's subscribers of the event's type.</summary>
    private void Deliver(IStudioEvent e)
    {
        if (!_handlers.TryGetValue(e.GetType(), out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                handler(e);
            }
            catch (Exception ex)
            {
                // One broken subscriber must not stop the job that published, nor the other subscribers.
                _logger.LogError(ex, "A subscriber of {Event} failed", e.GetType().Name);
            }
        }
    }

    public void Dispose() => _receiving?.Dispose();

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
