using MelanoGans.Server.Events;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Tests.Events;

/// <summary>What one instance of the studio has of the event bus: the bus and its Redis transport, with their logs.</summary>
internal sealed class BusInstance : IAsyncDisposable
{
    private BusInstance(RedisEventTransport transport, RecordingLogger<RedisEventTransport> log)
    {
        Transport = transport;
        Log = log;
        Bus = new StudioEventBus(new RecordingLogger<StudioEventBus>(), transport);
    }

    public RedisEventTransport Transport { get; }

    public RecordingLogger<RedisEventTransport> Log { get; }

    public StudioEventBus Bus { get; }

    public static async Task<BusInstance> StartAsync(string redis)
    {
        var log = new RecordingLogger<RedisEventTransport>();
        var transport = new RedisEventTransport(Options.Create(new StudioRedisOptions { ConnectionString = redis }), log);
        await transport.ConnectAsync();
        return new BusInstance(transport, log);
    }

    public async ValueTask DisposeAsync()
    {
        Bus.Dispose();
        await Transport.DisposeAsync();
    }
}
