using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// The events published on this instance only. For subscribers that start work (queue a job, write a row): with
/// several instances every one of them hears every event on <see cref="MelanoGans.Client.Services.IStudioEvents"/>, and the
/// work must be done once, by the instance where the event happened. Pages and caches use <c>IStudioEvents</c>.
/// </summary>
internal interface ILocalStudioEvents
{
    /// <summary>Calls <paramref name="handler"/> for every <typeparamref name="TEvent"/> published on this instance until disposed.</summary>
    IDisposable SubscribeLocal<TEvent>(Action<TEvent> handler) where TEvent : IStudioEvent;
}
