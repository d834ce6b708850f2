using System.Collections.Concurrent;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.Extensions.Logging;

namespace MelanoGans.Server.Tests.Events;

/// <summary>
/// Redis lost while running: each instance keeps its own notifications and logs a warning; when Redis is back the
/// instances reconnect by themselves, log it, and events cross again. A real redis-server, stopped and restarted.
/// </summary>
public sealed class RedisOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Losing_Redis_degrades_to_local_events_with_a_warning_and_its_return_is_recovered()
    {
        redis.SkipIfMissing();
        await using var a = await BusInstance.StartAsync(redis.ConnectionString);
        await using var b = await BusInstance.StartAsync(redis.ConnectionString);
        var onA = new ConcurrentQueue<int>();
        var onB = new ConcurrentQueue<int>();
        using var _ = a.Bus.Subscribe<AnswerRecorded>(e => onA.Enqueue(e.StudyId));
        using var __ = b.Bus.Subscribe<AnswerRecorded>(e => onB.Enqueue(e.StudyId));
        a.Bus.Publish(new AnswerRecorded(1));
        await Eventually.ReturnsAsync(() => Task.FromResult(onB.Contains(1)), seen => seen, TimeSpan.FromSeconds(10), "the first event on B");

        await redis.StopAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(a.Log.Has(LogLevel.Warning, "notifications reach only this instance")), logged => logged,
            TimeSpan.FromSeconds(30), "the warning that Redis is lost");
        Assert.False(a.Transport.Connected);

        // Publishing neither throws nor waits, this instance's own pages still hear, and the log says it once, not per event.
        for (var i = 0; i < 5; i++) a.Bus.Publish(new AnswerRecorded(2));
        Assert.Equal(5, onA.Count(id => id == 2));
        Assert.Single(a.Log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("notifications reach only this instance", StringComparison.Ordinal));

        await redis.StartAsync();
        // Redis is empty after its restart: the subscriptions must have been made again for events to cross.
        var next = 100;
        await Eventually.ReturnsAsync(() =>
        {
            a.Bus.Publish(new AnswerRecorded(next++));
            return Task.FromResult(onB.Any(id => id >= 100));
        }, crossed => crossed, TimeSpan.FromSeconds(60), "an event on B after Redis came back");
        await Eventually.ReturnsAsync(() => Task.FromResult(a.Log.Has(LogLevel.Information, "Redis is back")), logged => logged,
            TimeSpan.FromSeconds(30), "the log line that Redis is back");
        Assert.True(a.Transport.Connected);
        // The event published during the outage was this instance's alone; nothing stale arrives late.
        Assert.DoesNotContain(2, onB);
    }
}
