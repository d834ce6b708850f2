namespace MelanoGans.Shared.Contracts.Events;

/// <summary>
/// The studio's one in-process event bus: background jobs and services publish typed events, live pages subscribe
/// (through <c>LiveComponentBase</c>, which marshals to the renderer). Pages never connect to their own server's hub.
/// </summary>
public interface IStudioEvents
{
    /// <summary>Calls <paramref name="handler"/> on the publisher's thread for every <typeparamref name="TEvent"/> until disposed.</summary>
    IDisposable Subscribe<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent;

    /// <summary>Delivers <paramref name="e"/> to every current subscriber of its type; a failing subscriber is logged, never the publisher's problem.</summary>
    void Publish<TEvent>(TEvent e) where TEvent : IStudioEvent;
}
