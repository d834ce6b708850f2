using System.Collections.Immutable;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// The in-process implementation of <see cref="IStudioEvents"/>: subscribers by event type in immutable lists,
/// so publishing never takes a lock and a subscriber may unsubscribe from inside its handler.
/// </summary>
internal sealed class StudioEventBus(ILogger<StudioEventBus> logger) : IStudioEvents
{
    private ImmutableDictionary<Type, ImmutableList<Delegate>> _handlers = ImmutableDictionary<Type, ImmutableList<Delegate>>.Empty;

    public IDisposable Subscribe<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), [handler], (_, list) => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), [], (_, list) => list.Remove(handler)));
    }

    public void Publish<TEvent>(TEvent e) where TEvent : IStudioEvent
    {
        if (!_handlers.TryGetValue(typeof(TEvent), out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                ((Action<TEvent>)handler)(e);
            }
            catch (Exception ex)
            {
                // One broken subscriber must not stop the job that published, nor the other subscribers.
                logger.LogError(ex, "A subscriber of {Event} failed", typeof(TEvent).Name);
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
