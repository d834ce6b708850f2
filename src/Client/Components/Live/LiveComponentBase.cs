using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Components.Live;

/// <summary>
/// The base of every page that updates live. Events arrive on the publisher's thread; this marshals each to the
/// renderer, re-renders after the handler, and routes a handler's failure to the circuit's error handling
/// (<see cref="ComponentBase.DispatchExceptionAsync"/>) instead of losing it. Subscriptions end with the component.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private volatile bool _disposed;

    [Inject] private IStudioEvents Events { get; set; } = default!;

    /// <summary>
    /// Runs <paramref name="handler"/> on the renderer, then re-renders, for every <typeparamref name="TEvent"/> while the
    /// component lives, or only for those <paramref name="concerns"/> says are about this page's data: the others never
    /// reach the renderer (a tick of another kind of job does not re-render a page that does not show it).
    /// </summary>
    protected void Subscribe<TEvent>(Func<TEvent, Task> handler, Func<TEvent, bool>? concerns = null) where TEvent : IStudioEvent =>
        _subscriptions.Add(Events.Subscribe<TEvent>(e =>
        {
            if (concerns is null || concerns(e)) _ = DeliverAsync(handler, e);
        }));

    /// <inheritdoc cref="Subscribe{TEvent}(Func{TEvent, Task}, Func{TEvent, bool})"/>
    protected void Subscribe<TEvent>(Action<TEvent> handler, Func<TEvent, bool>? concerns = null) where TEvent : IStudioEvent =>
        Subscribe<TEvent>(e =>
        {
            handler(e);
            return Task.CompletedTask;
        }, concerns);

    // Never throws: the discard above loses nothing.
    private async Task DeliverAsync<TEvent>(Func<TEvent, Task> handler, TEvent e)
    {
        // Off the publisher's thread first: a rater's answer or a worker's tick does not wait for every open page.
        await Task.Yield();
        if (_disposed) return;
        try
        {
            await InvokeAsync(async () =>
            {
                if (_disposed) return;
                await handler(e);
                StateHasChanged();
            });
        }
        catch (Exception ex)
        {
            // A page that went away while the event was on its way has nobody to tell.
            if (!_disposed) await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _subscriptions.Clear();
        OnDispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived page holds besides its subscriptions.</summary>
    protected virtual void OnDispose()
    {
    }
}
