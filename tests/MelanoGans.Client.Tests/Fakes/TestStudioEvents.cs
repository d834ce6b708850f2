using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Client.Tests.Fakes;

/// <summary>An in-memory <see cref="IStudioEvents"/>: delivers on the publishing thread to subscribers of the event's declared type, as the server's bus does.</summary>
public sealed class TestStudioEvents : IStudioEvents
{
    private readonly List<(Type Event, Delegate Handler)> _handlers = [];

    public IDisposable Subscribe<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent
    {
        lock (_handlers) _handlers.Add((typeof(TEvent), handler));
        return new Unsubscribe(() =>
        {
            lock (_handlers) _handlers.Remove((typeof(TEvent), handler));
        });
    }

    public void Publish<TEvent>(TEvent e) where TEvent : IStudioEvent
    {
        Action<TEvent>[] handlers;
        lock (_handlers) handlers = _handlers.Where(h => h.Event == typeof(TEvent)).Select(h => (Action<TEvent>)h.Handler).ToArray();
        foreach (var handler in handlers) handler(e);
    }

    /// <summary>Subscribers still listening, to show a page let go of its subscriptions.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_handlers) return _handlers.Count;
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
