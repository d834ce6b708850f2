using System.Collections.Immutable;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// The implementation of <see cref="IStudioEvents"/>: subscribers by event type in immutable lists, so publishing never
/// takes a lock and a subscriber may unsubscribe from inside its handler. With a transport (Redis, when configured),
/// a publish also goes to the other instances, and theirs arrive here; local subscribers always hear first.
/// </summary>
internal sealed class StudioEventBus : IStudioEvents, ILocalStudioEvents, IDisposable
{
    private readonly ILogger<StudioEventBus> _logger;
    private readonly IStudioEventTransport? _transport;
    private readonly IDisposable? _receiving;
    private ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>> _handlers = ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>>.Empty;
    private ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>> _localHandlers = ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>>.Empty;

    public StudioEventBus(ILogger<StudioEventBus> logger, IStudioEventTransport? transport = null)
    {
        _logger = logger;
        _transport = transport;
        _receiving = transport?.Receive(Deliver);
    }

    public IDisposable Subscribe<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent => Add(local: false, handler);

    public IDisposable SubscribeLocal<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent => Add(local: true, handler);

    public void Publish<TEvent>(TEvent e) where TEvent : IStudioEvent
    {
        ArgumentNullException.ThrowIfNull(e);
        Deliver(_handlers, e);
        Deliver(_localHandlers, e);
        _transport?.Send(e);
    }

    private Subscription Add<TEvent>(bool local, Action<TEvent> handler) where TEvent : IStudioEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Action<IStudioEvent> typed = e => handler((TEvent)e);
        ImmutableInterlocked.AddOrUpdate(ref Table(local), typeof(TEvent), [typed], (_, list) => list.Add(typed));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref Table(local), typeof(TEvent), [], (_, list) => list.Remove(typed)));
    }

    private ref ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>> Table(bool local) => ref local ? ref _localHandlers : ref _handlers;

    /// <summary>Another instance's event: for this instance's pages and caches, not for its work starters.</summary>
    private void Deliver(IStudioEvent e) => Deliver(_handlers, e);

    /// <summary>Calls the subscribers of the event's type.</summary>
    private void Deliver(ImmutableDictionary<Type, ImmutableList<Action<IStudioEvent>>> all, IStudioEvent e)
    {
        if (!all.TryGetValue(e.GetType(), out var handlers)) return;
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
