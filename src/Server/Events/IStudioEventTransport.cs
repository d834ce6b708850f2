using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// Carries the event bus's events to the other instances of the studio and brings theirs back. The bus delivers
/// to its own subscribers first and never waits for the transport.
/// </summary>
internal interface IStudioEventTransport
{
    /// <summary>Sends an event published on this instance to the others; never throws (an outage is logged).</summary>
    void Send(IStudioEvent e);

    /// <summary>Calls <paramref name="deliver"/> for every event another instance published, until disposed.</summary>
    IDisposable Receive(Action<IStudioEvent> deliver);
}
