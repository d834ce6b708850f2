using System.Collections.Concurrent;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Tests.Events;

/// <summary>Two instances' event buses on one real Redis: an event published on one reaches the other's subscribers.</summary>
public sealed class RedisEventBusTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task An_event_published_on_A_reaches_Bs_subscribers_and_As_own_exactly_once()
    {
        redis.SkipIfMissing();
        await using var a = await BusInstance.StartAsync(redis.ConnectionString);
        await using var b = await BusInstance.StartAsync(redis.ConnectionString);
        var onA = new ConcurrentQueue<AnswerRecorded>();
        var onB = new ConcurrentQueue<AnswerRecorded>();
        var otherTypeOnB = new ConcurrentQueue<ModelRegistered>();
        using var _ = a.Bus.Subscribe<AnswerRecorded>(onA.Enqueue);
        using var __ = b.Bus.Subscribe<AnswerRecorded>(onB.Enqueue);
        using var ___ = b.Bus.Subscribe<ModelRegistered>(otherTypeOnB.Enqueue);

        a.Bus.Publish(new AnswerRecorded(42));

        // The publisher's own subscribers hear at once, on its thread, Redis or not.
        Assert.Equal([new AnswerRecorded(42)], onA);
        await Eventually.ReturnsAsync(() => Task.FromResult(onB.Count), n => n > 0, TimeSpan.FromSeconds(10), "the event on B");
        // A round trip from B proves anything A would have echoed to itself has arrived by now.
        b.Bus.Publish(new AnswerRecorded(43));
        await Eventually.ReturnsAsync(() => Task.FromResult(onA.Count), n => n > 1, TimeSpan.FromSeconds(10), "B's event on A");

        Assert.Equal([new AnswerRecorded(42), new AnswerRecorded(43)], onA);
        Assert.Equal([new AnswerRecorded(42), new AnswerRecorded(43)], onB);
        Assert.Empty(otherTypeOnB);
    }

    [Fact]
    public async Task Work_starters_hear_only_the_events_of_their_own_instance()
    {
        redis.SkipIfMissing();
        await using var a = await BusInstance.StartAsync(redis.ConnectionString);
        await using var b = await BusInstance.StartAsync(redis.ConnectionString);
        var pageOnB = new ConcurrentQueue<ModelRegistered>();
        var workOnA = new ConcurrentQueue<ModelRegistered>();
        var workOnB = new ConcurrentQueue<ModelRegistered>();
        using var _ = b.Bus.Subscribe<ModelRegistered>(pageOnB.Enqueue);
        using var __ = a.Bus.SubscribeLocal<ModelRegistered>(workOnA.Enqueue);
        using var ___ = b.Bus.SubscribeLocal<ModelRegistered>(workOnB.Enqueue);

        a.Bus.Publish(new ModelRegistered(1, "on A"));

        await Eventually.ReturnsAsync(() => Task.FromResult(pageOnB.Count), n => n > 0, TimeSpan.FromSeconds(10), "the event on B's page");
        // One metrics job for a model registered on A, not one per instance.
        Assert.Single(workOnA);
        Assert.Empty(workOnB);
    }

    [Fact]
    public async Task Events_of_one_instance_arrive_in_the_order_it_published_them()
    {
        redis.SkipIfMissing();
        await using var a = await BusInstance.StartAsync(redis.ConnectionString);
        await using var b = await BusInstance.StartAsync(redis.ConnectionString);
        var onB = new ConcurrentQueue<int>();
        using var _ = b.Bus.Subscribe<AnswerRecorded>(e => onB.Enqueue(e.StudyId));

        for (var i = 0; i < 500; i++) a.Bus.Publish(new AnswerRecorded(i));

        await Eventually.ReturnsAsync(() => Task.FromResult(onB.Count), n => n == 500, TimeSpan.FromSeconds(20), "500 events on B");
        Assert.Equal(Enumerable.Range(0, 500), onB);
    }
}
