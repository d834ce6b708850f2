using MelanoGans.Client.Services;

namespace MelanoGans.Server.Events;

/// <summary>The typed in-process event bus every live page listens to.</summary>
public static class EventsExtensions
{
    public static WebApplicationBuilder AddStudioEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStudioEvents, StudioEventBus>();
        return builder;
    }
}
